// A list of the asker's calls; tapping one asks for its diagnosis.
import type { Verdict } from '../../diagnosis/types.js';
import type { CallFacts } from '../calls/callFacts.js';
import { formatDuration, formatLocalTime } from '../time/zonedTime.js';
import type { CardElement, CardReply } from './cardKit.js';
import { adaptiveCard, escapeMarkdown, heading, openUrl, paragraph, submit, Verbs } from './cardKit.js';
import { callWithWhom } from './diagnosisCard.js';
import { VERDICTS } from './wording.js';

export interface CallListEntry {
  readonly facts: CallFacts;
  /** null when the record could not be judged (for example it is no longer available). */
  readonly verdict: Verdict | null;
}

export interface CallListCardInput {
  readonly title: string;
  readonly entries: readonly CallListEntry[];
  readonly timeZone: string;
  readonly now: Date;
  readonly recentCallsUrl: string;
  /** Said under the list, e.g. "Showing the 10 most recent of 14." */
  readonly note?: string;
}

export function callListCard(input: CallListCardInput): CardReply {
  const lines = [input.title];
  const rows: CardElement[] = input.entries.map((entry) => {
    const verdict = entry.verdict ? VERDICTS[entry.verdict] : null;
    const when = formatLocalTime(entry.facts.start, input.timeZone, input.now);
    const line = `${verdict ? `${verdict.icon} ` : ''}${when}: ${callWithWhom(entry.facts)}, ${formatDuration(entry.facts.durationSeconds)}${verdict ? ` (${verdict.label.toLowerCase()})` : ''}`;
    lines.push(line);
    return {
      type: 'Container',
      separator: true,
      selectAction: submit('Diagnose this call', Verbs.diagnoseCall, { callId: entry.facts.callId }),
      items: [paragraph(escapeMarkdown(line))],
    };
  });
  const body: CardElement[] = [heading(escapeMarkdown(input.title)), ...rows];
  if (input.note) {
    body.push(paragraph(escapeMarkdown(input.note), { isSubtle: true, size: 'Small' }));
    lines.push(input.note);
  }
  body.push(paragraph('Select a call to see why it went the way it did.', { isSubtle: true, size: 'Small' }));
  const text = lines.join('\n');
  return { card: adaptiveCard(body, text, [openUrl('Open in the Call Doctor tab', input.recentCallsUrl)]), text };
}
