// Times people put in questions: "today", "yesterday", "this week", "last week", "2pm", "14:30",
// "this morning". Matching is pure text; resolving against the clock and the asker's time zone is
// a separate step so matchers stay testable without a clock.
import { localParts, startOfLocalDay, startOfLocalWeek, zonedInstant } from '../../time/zonedTime.js';

export type DayExpression = 'today' | 'yesterday' | 'thisWeek' | 'lastWeek';

export interface TimeExpression {
  readonly day?: DayExpression;
  /** A clock time on that day (24 h), e.g. "2pm" -> 14:00. */
  readonly clock?: { readonly hour: number; readonly minute: number };
  readonly partOfDay?: 'morning' | 'afternoon' | 'evening';
}

const DAY_PATTERNS: readonly (readonly [RegExp, DayExpression])[] = [
  [/\b(today|today's|todays|this (?:morning|afternoon|evening))\b/i, 'today'],
  [/\b(yesterday|yesterday's|yesterdays|last night)\b/i, 'yesterday'],
  [/\b(this week|this week's|past week|last 7 days|last seven days)\b/i, 'thisWeek'],
  [/\blast week\b/i, 'lastWeek'],
];

export function parseTimeExpression(text: string): TimeExpression | null {
  const day = DAY_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
  const clock = parseClock(text);
  const part = /\b(morning|afternoon|evening)\b/i.exec(text)?.[1]?.toLowerCase() as TimeExpression['partOfDay'];
  if (!day && !clock && !part) return null;
  return { ...(day ? { day } : {}), ...(clock ? { clock } : {}), ...(part ? { partOfDay: part } : {}) };
}

function parseClock(text: string): { hour: number; minute: number } | undefined {
  // "2pm", "2 pm", "2:30pm", "at 2", "14:30", "2 o'clock"
  const meridiem = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?/i.exec(text);
  if (meridiem) {
    const hour12 = Number(meridiem[1]);
    const minute = Number(meridiem[2] ?? 0);
    if (hour12 < 1 || hour12 > 12 || minute > 59) return undefined;
    const pm = meridiem[3]!.toLowerCase() === 'p';
    return { hour: (hour12 % 12) + (pm ? 12 : 0), minute };
  }
  const twentyFour = /\b([01]?\d|2[0-3]):([0-5]\d)\b/.exec(text);
  if (twentyFour) return { hour: Number(twentyFour[1]), minute: Number(twentyFour[2]) };
  const bare = /\b(?:at|around|about) (\d{1,2})(?: o'?clock)?\b/i.exec(text);
  if (bare) {
    const hour = Number(bare[1]);
    // Without am/pm, office hours are the likely reading: "at 3" is 15:00, "at 9" is 09:00.
    if (hour >= 1 && hour <= 12) return { hour: hour < 7 ? hour + 12 : hour, minute: 0 };
  }
  return undefined;
}

export interface TimeWindow {
  readonly since: Date;
  readonly until: Date;
  /** When a clock time was given: the instant to look for, on the latest day in the window where it is in the past. */
  readonly around?: Date;
}

const PARTS_OF_DAY = { morning: [5, 12], afternoon: [12, 17], evening: [17, 24] } as const;

/** Turns an expression into instants, in the asker's time zone. */
export function resolveTimeExpression(expression: TimeExpression, now: Date, timeZone: string): TimeWindow {
  let since: Date;
  let until: Date;
  switch (expression.day) {
    case 'yesterday':
      since = startOfLocalDay(now, timeZone, -1);
      until = startOfLocalDay(now, timeZone);
      break;
    case 'thisWeek':
      since = startOfLocalWeek(now, timeZone);
      until = now;
      break;
    case 'lastWeek': {
      until = startOfLocalWeek(now, timeZone);
      since = new Date(startOfLocalWeek(new Date(until.getTime() - 1), timeZone));
      break;
    }
    case 'today':
      since = startOfLocalDay(now, timeZone);
      until = now;
      break;
    default:
      // A clock time alone ("my 2pm meeting") means the latest such time that has passed: today or yesterday.
      since = startOfLocalDay(now, timeZone, expression.clock ? -1 : 0);
      until = now;
  }
  if (expression.partOfDay && !expression.clock) {
    const [from, to] = PARTS_OF_DAY[expression.partOfDay];
    const day = localParts(since, timeZone);
    since = zonedInstant(timeZone, day.year, day.month, day.day, from);
    const end = zonedInstant(timeZone, day.year, day.month, day.day, to);
    until = end < until ? end : until;
  }
  if (!expression.clock) return { since, until };
  const around = latestClockTime(expression.clock, since, until, timeZone);
  return { since, until, ...(around ? { around } : {}) };
}

function latestClockTime(clock: { hour: number; minute: number }, since: Date, until: Date, timeZone: string): Date | undefined {
  const last = localParts(until, timeZone);
  for (let back = 0; back <= 8; back += 1) {
    const candidate = zonedInstant(timeZone, last.year, last.month, last.day - back, clock.hour, clock.minute);
    // Allow a call that started a few minutes before now when asked "my 2pm" at 2:05.
    if (candidate <= until && candidate >= since) return candidate;
    if (candidate < since) return undefined;
  }
  return undefined;
}
