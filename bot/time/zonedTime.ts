// Wall-clock arithmetic in the asker's time zone with Intl alone (no date library is a direct
// dependency). "Today" and "2pm" mean the asker's day and clock, not the server's.

export interface LocalParts {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 0 = Sunday .. 6 = Saturday */
  readonly weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** The instant at which the wall clock in `timeZone` shows the given local time (day overflow allowed). */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset also next to a daylight-saving switch.
  let guess = wallAsUtc;
  for (let pass = 0; pass < 2; pass += 1) {
    const seen = localParts(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += wallAsUtc - seenAsUtc;
  }
  return new Date(guess);
}

/** Local midnight `daysFromToday` days from the asker's today (negative = past). */
export function startOfLocalDay(now: Date, timeZone: string, daysFromToday = 0): Date {
  const today = localParts(now, timeZone);
  return zonedInstant(timeZone, today.year, today.month, today.day + daysFromToday);
}

/** Local midnight of the Monday that starts the asker's current week (ISO weeks start on Monday). */
export function startOfLocalWeek(now: Date, timeZone: string): Date {
  const today = localParts(now, timeZone);
  const daysSinceMonday = (today.weekday + 6) % 7;
  return zonedInstant(timeZone, today.year, today.month, today.day - daysSinceMonday);
}

/** "Today, 2:05 PM", "Yesterday, 9:30 AM" or "Mon, Nov 23, 4:10 PM", in the asker's zone. */
export function formatLocalTime(instant: Date, timeZone: string, now: Date): string {
  const clock = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(instant);
  const at = instant.getTime();
  const today = startOfLocalDay(now, timeZone).getTime();
  if (at >= today && at < startOfLocalDay(now, timeZone, 1).getTime()) return `Today, ${clock}`;
  if (at >= startOfLocalDay(now, timeZone, -1).getTime() && at < today) return `Yesterday, ${clock}`;
  const date = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(instant);
  return `${date}, ${clock}`;
}

/** Short zone label for card footers, e.g. "UTC" or "PST". */
export function timeZoneLabel(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "45 s", "12 min", "1 h 5 min". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
