// Report functions accept at most 90 days per request (reference §5.6), so longer ranges are
// asked for in consecutive windows. Windows must neither overlap nor leave gaps: Direct Routing
// treats toDateTime as exclusive, the other functions as inclusive.
import { GraphInputError } from '../errors.js';
import type { DateRange } from '../contract.js';

export const MAX_REPORT_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReportWindow {
  /** Literal for fromDateTime=. */
  readonly from: string;
  /** Literal for toDateTime=. */
  readonly to: string;
}

/**
 * Splits [from, to] into windows of at most 90 days. `toIsExclusive`: the function excludes
 * toDateTime, so a window may end exactly where the next begins. Otherwise a window ends one
 * tick (100 ns, the finest DateTimeOffset Graph emits) before the next begins. The last window
 * ends at the caller's `to`, read with the function's own semantics.
 */
export function reportWindows(range: DateRange, toIsExclusive: boolean): ReportWindow[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new GraphInputError('report range has an invalid date');
  if (from > to) throw new GraphInputError(`report range starts (${range.from.toISOString()}) after it ends (${range.to.toISOString()})`);
  const windows: ReportWindow[] = [];
  for (let start = from; ; start += MAX_REPORT_DAYS * DAY_MS) {
    const boundary = start + MAX_REPORT_DAYS * DAY_MS;
    if (boundary >= to) {
      windows.push({ from: literal(start), to: literal(to) });
      return windows;
    }
    windows.push({ from: literal(start), to: toIsExclusive ? literal(boundary) : oneTickBefore(boundary) });
  }
}

function literal(ms: number): string {
  return new Date(ms).toISOString();
}

/** A millisecond instant minus 100 ns, written with DateTimeOffset's seven fractional digits. */
function oneTickBefore(ms: number): string {
  return new Date(ms - 1).toISOString().replace(/\.(\d{3})Z$/, '.$19999Z');
}
