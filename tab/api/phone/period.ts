// The helpdesk phone reports' period: ?from=YYYY-MM-DD&to=YYYY-MM-DD, to exclusive (midnight UTC),
// default the last 7 whole days up to tomorrow's midnight, at most 180 days (graph/ splits it into
// 90-day windows).
import { badRequest } from '../apiError.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
export const MAX_HELPDESK_DAYS = 180;

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

export function parsePeriod(query: Record<string, unknown>, now: Date): Period {
  const tomorrow = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  const to = query.to === undefined ? tomorrow : dateOf(query.to, 'to');
  const from = query.from === undefined ? to - 7 * DAY_MS : dateOf(query.from, 'from');
  if (from >= to) throw badRequest('from must be before to.');
  if (to - from > MAX_HELPDESK_DAYS * DAY_MS) throw badRequest(`The period may be at most ${MAX_HELPDESK_DAYS} days.`);
  return { from: new Date(from), to: new Date(to) };
}

function dateOf(value: unknown, name: string): number {
  const t = typeof value === 'string' && DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(t)) throw badRequest(`${name} must be a date such as 2026-11-01.`);
  return t;
}

export function periodLiteral(p: Period): { from: string; to: string } {
  return { from: p.from.toISOString().slice(0, 10), to: p.to.toISOString().slice(0, 10) };
}
