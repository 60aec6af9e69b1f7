// The daily channel digest: the team's aggregates, the same numbers as the channel tab
// (diagnosis/patterns teamQuality), against Microsoft's targets. Never a person, a call or a number
// identifying one; a team under the minimum number of people gets the reason instead.
import type { TeamMetric, TeamQuality } from '../../diagnosis/patterns/types.js';
import type { CardElement, CardReply } from './cardKit.js';
import { adaptiveCard, escapeMarkdown, facts, heading, openUrl, paragraph } from './cardKit.js';
import { causeLabel } from './wording.js';

export interface DigestInput {
  readonly quality: TeamQuality;
  readonly days: number;
  /** Deep link to the channel tab, when the server knows it. */
  readonly tabUrl?: string;
}

const percent = (rate: number): string => `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`;

function metric(name: string, m: TeamMetric): [string, string] {
  return [name, `${percent(m.value)} ${m.meetsTarget ? '✅' : '⚠️'} (target under ${percent(m.target)})`];
}

export function channelDigestCard(input: DigestInput): CardReply {
  const title = `📊 This team's calls, last ${input.days} days`;
  const actions = input.tabUrl ? [openUrl('Open the team view', input.tabUrl)] : [];
  const q = input.quality;
  if (q.withheld) {
    const text = [title, q.reason].join('\n');
    return { card: adaptiveCard([heading(escapeMarkdown(title)), paragraph(escapeMarkdown(q.reason))], text, actions), text };
  }
  const table: [string, string][] = [
    ['People with calls', String(q.people)],
    ['Calls', String(q.calls)],
    ['Calls that went wrong', percent(q.poorRate)],
    metric('Poor audio streams', q.poorAudioStreams),
    metric('Set-up failures', q.setupFailures),
    metric('Dropped calls', q.drops),
  ];
  const causes = q.topCauses.slice(0, 3).map((c) => `${causeLabel(c.code)}: ${c.calls} call${c.calls === 1 ? '' : 's'} (${percent(c.share)})`);
  const worstConnection = q.connectionTypes.find((row) => row.poor > 0);
  const lines: string[] = [];
  if (causes.length > 0) lines.push(`Most common causes: ${causes.join('; ')}.`);
  if (worstConnection) lines.push(`Worst connection type: ${worstConnection.label}, ${percent(worstConnection.poorRate)} of its calls went wrong.`);
  const note = 'Aggregates only: no one’s individual calls are shown, and groups of fewer than 5 people are withheld.';
  const body: CardElement[] = [heading(escapeMarkdown(title)), facts(table), ...lines.map((l) => paragraph(escapeMarkdown(l))), paragraph(escapeMarkdown(note), { isSubtle: true, size: 'Small' })];
  const text = [title, ...table.map(([k, v]) => `${k}: ${v}`), ...lines, note].join('\n');
  return { card: adaptiveCard(body, text, actions), text };
}
