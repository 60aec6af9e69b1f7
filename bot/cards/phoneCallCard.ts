// A phone call (Calling Plan / Operator Connect, or Direct Routing) from the PSTN reports.
import type { PhoneCallExplanation, PhoneCallRow } from '../dependencies.js';
import { formatDuration, formatLocalTime, timeZoneLabel } from '../time/zonedTime.js';
import type { CardReply } from './cardKit.js';
import { adaptiveCard, escapeMarkdown, facts, heading, paragraph, submit, Verbs } from './cardKit.js';

export interface PhoneCallCardInput {
  readonly call: PhoneCallRow;
  readonly explanation: PhoneCallExplanation;
  /** The number as the user asked about it. */
  readonly number: string;
  readonly timeZone: string;
  readonly now: Date;
}

const OUTCOME_ICONS = { connected: '✅', failed: '⛔', unknown: '❔' } as const;

export function phoneCallCard(input: PhoneCallCardInput): CardReply {
  const { row } = input.call;
  const start = row.startDateTime ?? (input.call.kind === 'directRouting' ? input.call.row.inviteDateTime : null);
  const when = start ? `${formatLocalTime(new Date(start), input.timeZone, input.now)} (${timeZoneLabel(new Date(start), input.timeZone)})` : 'unknown';
  const direction = isInbound(input.call) ? 'from' : 'to';
  const title = `${OUTCOME_ICONS[input.explanation.outcome]} Your phone call ${direction} ${input.number}`;
  const pairs: [string, string][] = [
    ['When', when],
    ['Duration', formatDuration(row.duration ?? 0)],
    ['Route', input.call.kind === 'pstn' ? 'Teams Phone (Calling Plan or Operator Connect)' : 'Direct Routing (your company’s phone system)'],
    // diagnosis/'s facts (who ended it, charge, SIP code, trunk, media bypass); Duration is above already.
    ...(input.explanation.details ?? []).filter((d) => d.label !== 'Duration').map((d): [string, string] => [d.label, d.value]),
  ];
  const lines = [title, ...pairs.map(([k, v]) => `${k}: ${v}`), input.explanation.summary];
  const body = [heading(escapeMarkdown(title)), facts(pairs.map(([k, v]) => [k, escapeMarkdown(v)] as const)), paragraph(escapeMarkdown(input.explanation.summary))];
  if (input.explanation.advice) {
    body.push(paragraph(`What to do: ${escapeMarkdown(input.explanation.advice)}`));
    lines.push(`What to do: ${input.explanation.advice}`);
  }
  const text = lines.join('\n');
  return { card: adaptiveCard(body, text, [submit('Other recent calls', Verbs.recentCalls)]), text };
}

function isInbound(call: PhoneCallRow): boolean {
  // PSTN types look like "user_in"/"user_out", Direct Routing ones like "ByotIn"/"ByotOut".
  return /(?:_in$|^byotin)/i.test(call.row.callType ?? '');
}
