// Times people put in questions: "today", "yesterday", "this week", "last week", "past 3 days",
// "2pm", "14:30", "this morning", "yesterday afternoon", "before lunch", "on Monday". Matching is
// pure text; resolving against the clock and the asker's time zone is a separate step so matchers
// stay testable without a clock. periodWords.ts says the period back as the user said it.
import { localParts, startOfLocalDay, startOfLocalWeek, zonedInstant } from '../../time/zonedTime.js';

export type DayExpression = 'today' | 'yesterday' | 'thisWeek' | 'lastWeek';

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'beforeLunch' | 'lunch' | 'afterLunch';

export interface TimeExpression {
  readonly day?: DayExpression;
  /** A clock time on that day (24 h), e.g. "2pm" -> 14:00. */
  readonly clock?: { readonly hour: number; readonly minute: number };
  readonly partOfDay?: PartOfDay;
  /** A rolling window ending now: "past 3 days" = 72, "last 2 hours" = 2. */
  readonly lastHours?: number;
  /** The latest such weekday (0 = Sunday), today included: "on Monday", "tuesday's call". */
  readonly weekday?: number;
}

const DAY_PATTERNS: readonly (readonly [RegExp, DayExpression])[] = [
  [/\b(today|today'?s|todays|this (?:morning|afternoon|evening)|tonight)\b/i, 'today'],
  [/\b(yesterday|yesterday'?s|yesterdays|yday|yest|last night)\b/i, 'yesterday'],
  [/\b(this week|this week'?s|this wk)\b/i, 'thisWeek'],
  [/\blast week\b/i, 'lastWeek'],
];

const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, couple: 2, 'couple of': 2, three: 3, few: 3, 'a few': 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, fourteen: 14, thirty: 30 };
const ROLLING = /\b(?:past|last|previous|prev|the last|in the last|over the last)\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|ten|fourteen|thirty|few|couple(?: of)?)\s*(hours?|hrs?|days?|weeks?|wks?)\b/i;
const BARE_ROLLING = /\b(?:past|last)\s+(24 hours|day|week|month|30 days|fortnight)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(?:on |last )?(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?(?:'?s)?\b/i;

export function parseTimeExpression(text: string): TimeExpression | null {
  const lastHours = parseRolling(text);
  const clock = parseClock(text);
  const part = parsePartOfDay(text);
  const weekday = lastHours === undefined ? parseWeekday(text) : undefined;
  const named = lastHours === undefined && weekday === undefined ? DAY_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] : undefined;
  // "last night" is yesterday evening; "before lunch" alone is today's.
  const partOfDay = part ?? (/\blast night\b|\btonight\b/i.test(text) ? 'evening' : undefined);
  const lunchToday = !named && lastHours === undefined && weekday === undefined && (partOfDay === 'beforeLunch' || partOfDay === 'lunch' || partOfDay === 'afterLunch');
  const day = named ?? (lunchToday ? 'today' : undefined);
  if (!day && !clock && !partOfDay && lastHours === undefined && weekday === undefined) return null;
  return {
    ...(day ? { day } : {}),
    ...(clock ? { clock } : {}),
    ...(partOfDay ? { partOfDay } : {}),
    ...(lastHours !== undefined ? { lastHours } : {}),
    ...(weekday !== undefined ? { weekday } : {}),
  };
}

function parseRolling(text: string): number | undefined {
  const rolling = ROLLING.exec(text);
  if (rolling) {
    const raw = rolling[1]!.toLowerCase();
    const amount = NUMBER_WORDS[raw] ?? Number(raw);
    const unit = rolling[2]!.toLowerCase();
    const hours = unit.startsWith('h') ? amount : unit.startsWith('d') ? amount * 24 : amount * 7 * 24;
    return Number.isFinite(hours) && hours > 0 ? Math.min(hours, 30 * 24) : undefined;
  }
  const bare = BARE_ROLLING.exec(text)?.[1]?.toLowerCase();
  if (!bare) return undefined;
  // "last week" is the calendar week (DAY_PATTERNS); "past week" is the 7 days up to now.
  if (bare === 'week' && /\blast week\b/i.test(text)) return undefined;
  return { '24 hours': 24, day: 24, week: 7 * 24, fortnight: 14 * 24, month: 30 * 24, '30 days': 30 * 24 }[bare];
}

function parsePartOfDay(text: string): PartOfDay | undefined {
  if (/\bbefore lunch\b/i.test(text)) return 'beforeLunch';
  if (/\bafter lunch\b/i.test(text)) return 'afterLunch';
  if (/\b(?:at|over|during) lunch(?:time)?\b|\blunchtime\b|\blunch (?:call|meeting)\b/i.test(text)) return 'lunch';
  const part = /\b(morning|afternoon|evening)\b/i.exec(text)?.[1]?.toLowerCase();
  return part as PartOfDay | undefined;
}

function parseWeekday(text: string): number | undefined {
  const match = WEEKDAY.exec(text);
  if (!match) return undefined;
  // "sat" and "wed" are also words ("I sat", "we'd"); only the full name or a name-like use counts.
  const full = /day\b/i.test(match[0]) || /^on /i.test(match[0]);
  if (!full) return undefined;
  const prefix = match[1]!.toLowerCase().slice(0, 3);
  const index = WEEKDAYS.findIndex((name) => name.startsWith(prefix));
  return index >= 0 ? index : undefined;
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
  const bare = /\b(?:at|around|about) (\d{1,2})(?: o'?clock)?\b(?!\s*(?:min|minutes|hours|days|people|participants))/i.exec(text);
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

/** Local hours [from, to) of each part of the day; lunch is taken as 12:00 to 13:30. */
const PARTS_OF_DAY: Readonly<Record<PartOfDay, readonly [number, number]>> = {
  morning: [5, 12],
  afternoon: [12, 17],
  evening: [17, 24],
  beforeLunch: [0, 12.5],
  lunch: [11.5, 14],
  afterLunch: [13, 18],
};

/** Turns an expression into instants, in the asker's time zone. */
export function resolveTimeExpression(expression: TimeExpression, now: Date, timeZone: string): TimeWindow {
  if (expression.lastHours !== undefined) return { since: new Date(now.getTime() - expression.lastHours * 3_600_000), until: now };
  let since: Date;
  let until: Date;
  if (expression.weekday !== undefined) {
    const back = (localParts(now, timeZone).weekday - expression.weekday + 7) % 7;
    since = startOfLocalDay(now, timeZone, -back);
    until = back === 0 ? now : startOfLocalDay(now, timeZone, -back + 1);
  } else {
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
  }
  if (expression.partOfDay && !expression.clock) {
    const [from, to] = PARTS_OF_DAY[expression.partOfDay];
    const day = localParts(since, timeZone);
    since = zonedInstant(timeZone, day.year, day.month, day.day, Math.floor(from), (from % 1) * 60);
    const end = zonedInstant(timeZone, day.year, day.month, day.day, Math.floor(to), (to % 1) * 60);
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
