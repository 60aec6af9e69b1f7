// The asker's phone calls (Calling Plan, Operator Connect and Direct Routing), newest first, each
// with diagnosis/'s plain-words explanation and its facts (who ended it, duration, trunk...).
import type { PhoneCallDetail } from '../../diagnosis/index.js';
import { formatLocalTime } from '../time/zonedTime.js';
import type { CardElement, CardReply } from './cardKit.js';
import { adaptiveCard, escapeMarkdown, facts, heading, paragraph, submit, Verbs } from './cardKit.js';

export interface PhoneListEntry {
  readonly start: Date | null;
  readonly outcome: 'completed' | 'failed' | 'unknown';
  readonly route: 'pstn' | 'directRouting';
  readonly summary: string;
  readonly details: readonly PhoneCallDetail[];
}

export interface PhoneListCardInput {
  readonly title: string;
  readonly entries: readonly PhoneListEntry[];
  readonly timeZone: string;
  readonly now: Date;
  readonly note?: string;
}

const ICONS = { completed: '✅', failed: '⛔', unknown: '❔' } as const;
const ROUTES = { pstn: 'Teams Phone', directRouting: 'Direct Routing' } as const;

export function phoneListCard(input: PhoneListCardInput): CardReply {
  const lines = [input.title];
  const body: CardElement[] = [heading(escapeMarkdown(input.title))];
  for (const entry of input.entries) {
    const when = entry.start ? formatLocalTime(entry.start, input.timeZone, input.now) : 'Unknown time';
    const line = `${ICONS[entry.outcome]} ${when} (${ROUTES[entry.route]}): ${entry.summary}`;
    lines.push(line, ...entry.details.map((d) => `  ${d.label}: ${d.value}`));
    body.push({ type: 'Container', separator: true, items: [paragraph(escapeMarkdown(line)), facts(entry.details.map((d) => [d.label, escapeMarkdown(d.value)] as const))] });
  }
  if (input.note) {
    body.push(paragraph(escapeMarkdown(input.note), { isSubtle: true }));
    lines.push(input.note);
  }
  const text = lines.join('\n');
  return { card: adaptiveCard(body, text, [submit('My recent calls', Verbs.recentCalls)]), text };
}
