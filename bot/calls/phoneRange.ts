// The range the phone answers ask the reports for. Its end is floored to the minute so questions
// asked within the same minute ask for the same windows, which graph/ then serves from its
// report cache instead of downloading the tenant's rows again (reports lag by minutes anyway).
import type { DateRange } from '../../graph/contract.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function phoneReportRange(now: Date, days: number): DateRange {
  const to = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  return { from: new Date(to - days * DAY_MS), to: new Date(to) };
}
