// The period a question named, said back the way the user said it: "in the past 3 days",
// "this afternoon", "before lunch today", "yesterday morning", "on Monday". Answers put it in
// their titles so the user sees which period was searched.
import type { PartOfDay, TimeExpression } from './timeExpression.js';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PART_WORDS: Readonly<Record<PartOfDay, string>> = {
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  beforeLunch: 'before lunch',
  lunch: 'at lunch',
  afterLunch: 'after lunch',
};

/** The last 30 days when nothing narrower was said. */
export const WHOLE_RETENTION = 'in the last 30 days';

export function periodWords(time: TimeExpression | undefined): string {
  if (!time) return WHOLE_RETENTION;
  if (time.lastHours !== undefined) return rollingWords(time.lastHours);
  const clock = time.clock ? ` at ${clockWords(time.clock)}` : '';
  const part = time.partOfDay && !time.clock ? time.partOfDay : undefined;
  if (time.weekday !== undefined) return `on ${WEEKDAY_NAMES[time.weekday]}${part ? ` ${lunchOrPart(part)}` : ''}${clock}`;
  switch (time.day) {
    case 'today':
      if (part && isLunch(part)) return `${PART_WORDS[part]} today`;
      if (part) return `this ${part}`;
      return clock ? `today${clock}` : 'today';
    case 'yesterday':
      if (part && isLunch(part)) return `yesterday ${PART_WORDS[part]}`;
      return `yesterday${part ? ` ${part}` : ''}${clock}`;
    case 'thisWeek':
      return `this week${clock}`;
    case 'lastWeek':
      return `last week${clock}`;
    default:
      if (part) return isLunch(part) ? `${PART_WORDS[part]} today` : `this ${part}`;
      return clock ? clock.trim() : WHOLE_RETENTION;
  }
}

function isLunch(part: PartOfDay): boolean {
  return part === 'beforeLunch' || part === 'lunch' || part === 'afterLunch';
}

function lunchOrPart(part: PartOfDay): string {
  return PART_WORDS[part];
}

function rollingWords(hours: number): string {
  if (hours === 24) return 'in the past 24 hours';
  if (hours % (7 * 24) === 0 && hours / (7 * 24) <= 2) return hours === 7 * 24 ? 'in the past week' : 'in the past 2 weeks';
  if (hours % 24 === 0) return `in the past ${hours / 24} days`;
  return hours === 1 ? 'in the past hour' : `in the past ${hours} hours`;
}

function clockWords(clock: { hour: number; minute: number }): string {
  const hour12 = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  return `${hour12}:${String(clock.minute).padStart(2, '0')} ${clock.hour < 12 ? 'AM' : 'PM'}`;
}
