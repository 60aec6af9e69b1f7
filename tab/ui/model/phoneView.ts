// Wording and figures for the Phone pages, kept out of the components so they are unit-tested.
import type { PhoneCallItem, SmsItem, TrunkHealthItem } from '../api/types.js';

export const OUTCOME_WORDS: Readonly<Record<PhoneCallItem['outcome'], { icon: string; label: string }>> = {
  completed: { icon: '✅', label: 'Connected' },
  failed: { icon: '⛔', label: 'Did not connect' },
  unknown: { icon: '❔', label: 'Outcome unknown' },
};

export const ROUTE_WORDS: Readonly<Record<PhoneCallItem['route'], string>> = { pstn: 'Teams Phone', directRouting: 'Direct Routing' };

export const SMS_ICONS: Readonly<Record<SmsItem['status'], string>> = { sent: '✅', received: '📩', notSent: '⛔', unknown: '❔' };

export function callHeadline(c: PhoneCallItem): string {
  const dir = c.direction === 'inbound' ? 'from' : c.direction === 'outbound' ? 'to' : 'with';
  return `${ROUTE_WORDS[c.route]} call ${dir} ${c.otherParty ?? 'an unknown number'}`;
}

/** 0.8734 -> "87.3%"; null -> "n/a". */
export function percent(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

export interface StackedPoint {
  readonly x: string;
  readonly connected: number;
  readonly failed: number;
}

/** Calls over time, split into the ones that connected and the ones that did not. */
export function trunkSeries(trunk: TrunkHealthItem): StackedPoint[] {
  const hourly = trunk.overTime.length > 1 && Date.parse(trunk.overTime[1]!.start) - Date.parse(trunk.overTime[0]!.start) < 86_400_000;
  return trunk.overTime.map((b) => ({ x: hourly ? b.start.slice(5, 16).replace('T', ' ') : b.start.slice(5, 10), connected: b.calls - b.failed, failed: b.failed }));
}

/** Default period: the last 7 days up to tomorrow (to is exclusive). */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const day = 86_400_000;
  const to = Math.floor(now.getTime() / day) * day + day;
  return { from: new Date(to - 7 * day).toISOString().slice(0, 10), to: new Date(to).toISOString().slice(0, 10) };
}
