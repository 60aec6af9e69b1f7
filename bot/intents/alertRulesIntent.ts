// "quiet hours 18:00 to 08:00", "no quiet hours", "at most 2 alerts a day": the alert rules the
// worker applies besides the mode. Before alertsIntent, which would read "alerts a day" as "on".
import type { AlertRequest } from '../answers/alerts.js';
import { answerAlerts } from '../answers/alerts.js';
import { MAX_DAILY_CAP } from '../ports.js';
import { defineIntent } from './intent.js';

const QUIET = /\b(quiet hours?|quiet time|do not disturb|dnd)\b/i;
const NO_QUIET = /\b(no|remove|clear|delete|cancel|disable|stop|turn off|without)\b.*\b(quiet hours?|quiet time|do not disturb|dnd)\b|\b(quiet hours?|quiet time|do not disturb|dnd)\b.*\b(off|none|removed?|cleared?)\b/i;
// 18:00, 6pm, 6:30 pm, 18h, 22.
const TIME = String.raw`(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`;
const RANGE = new RegExp(String.raw`(?:from\s+|between\s+)?${TIME}\s*(?:to|until|till|-|–|and)\s*${TIME}`, 'i');

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, once: 1, two: 2, twice: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const COUNT = String.raw`(\d+|one|once|two|twice|three|four|five|six|seven|eight|nine|ten)`;
const PER_DAY = String.raw`(?:a|per|each|every)\s+day|daily|a\s+day`;
const CAP = [
  new RegExp(String.raw`\b(?:at most|max(?:imum)?(?: of)?|no more than|not more than|up to|limit(?: (?:alerts|it|them))?(?: to)?|cap(?: (?:alerts|it|them))?(?: at| to)?)\s+${COUNT}\b(?:\s+(?:alerts?|notifications?|messages?|times?))?\s*(?:${PER_DAY})`, 'i'),
  new RegExp(String.raw`\b${COUNT}\s+(?:alerts?|notifications?|messages?|times?)\s+(?:${PER_DAY})(?:\s+(?:at most|max(?:imum)?|tops))?`, 'i'),
  new RegExp(String.raw`\b(?:daily (?:alert )?(?:cap|limit)|alert (?:cap|limit))\s+(?:of\s+|to\s+|at\s+|=\s*)?${COUNT}\b`, 'i'),
];

export const alertRulesIntent = defineIntent<AlertRequest>({
  name: 'alertRules',
  match(text) {
    if (QUIET.test(text)) return matchQuietHours(text);
    for (const pattern of CAP) {
      const found = pattern.exec(text);
      if (found) return capOf(found[1]!);
    }
    return null;
  },
  answer: (deps, asker, request) => answerAlerts(deps, asker, request),
});

function matchQuietHours(text: string): AlertRequest {
  if (NO_QUIET.test(text)) return { quietHours: null };
  const range = RANGE.exec(text);
  if (!range) {
    // "quiet hours?" or "what are my quiet hours" asks; "quiet hours please" without times cannot be stored.
    return /\b(set|make|start|from|between|want|please)\b/i.test(text) ? { problem: 'Tell me when quiet hours start and end, e.g. "quiet hours 18:00 to 08:00".' } : { status: true };
  }
  const start = clockOf(range[1]!, range[2], range[3]);
  const end = clockOf(range[4]!, range[5], range[6] ?? undefined);
  if (!start || !end) return { problem: `I could not read "${range[0].trim()}" as two times of day; try "quiet hours 18:00 to 08:00".` };
  if (start === end) return { problem: 'Quiet hours need different start and end times.' };
  return { quietHours: { start, end } };
}

/** 'HH:MM' or null when the hour or minute is out of range. */
function clockOf(hourText: string, minuteText: string | undefined, meridiem: string | undefined): string | null {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour === 24 && minute === 0) {
    hour = 0;
  }
  if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function capOf(word: string): AlertRequest {
  const count = NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
  if (count === 0) return { problem: 'A limit of 0 alerts a day is the same as no alerts: say "turn alerts off" for that.' };
  if (!Number.isInteger(count) || count > MAX_DAILY_CAP) return { problem: `The daily limit can be 1 to ${MAX_DAILY_CAP} alerts.` };
  return { dailyCap: count };
}
