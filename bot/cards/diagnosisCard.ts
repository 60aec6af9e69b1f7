// The main answer: one call, its verdict, the most likely cause, whose side, the evidence, what to do.
import { noteLabel } from '../../diagnosis/index.js';
import type { Diagnosis } from '../../diagnosis/types.js';
import type { CallFacts } from '../calls/callFacts.js';
import { formatDuration, formatLocalTime, timeZoneLabel } from '../time/zonedTime.js';
import type { CardElement, CardReply } from './cardKit.js';
import { actionSet, adaptiveCard, escapeMarkdown, facts, heading, openUrl, paragraph, submit, Verbs } from './cardKit.js';
import { causeLabel, SIDES, VERDICTS } from './wording.js';

export interface DiagnosisCardInput {
  readonly facts: CallFacts;
  readonly diagnosis: Diagnosis;
  readonly timeZone: string;
  readonly now: Date;
  readonly detailsUrl: string;
  /** Entra object id of the person who asked; only they may rate the answer. */
  readonly askedBy: string;
  /** Add "ended just now? I can tell you when its record arrives". */
  readonly offerPending?: boolean;
  /** A sentence above the verdict saying why this call was chosen ("Your last call was fine, but ..."). */
  readonly lead?: string;
  /**
   * A proactive alert rather than an answer: the actions become Show segments, Not helpful and
   * Stop these alerts (bot/alerts/alertCard.ts), with no Yes/No question in the body.
   */
  readonly alert?: boolean;
}

const NOBODY_ELSE = 'no other participants listed';

/** The other people, or an honest "no other participants listed" when the record names nobody else. */
export function withWhom(callFacts: CallFacts): string {
  if (callFacts.others.length === 0) return NOBODY_ELSE;
  if (callFacts.others.length <= 3) return callFacts.others.join(', ');
  return `${callFacts.others.slice(0, 2).join(', ')} and ${callFacts.others.length - 2} others`;
}

/** "call with Ravi Patel", "meeting with Lena Fischer, Megan Bowen", "call (no other participants listed)". */
export function callWithWhom(callFacts: CallFacts): string {
  return callFacts.others.length === 0 ? `${callFacts.kind} (${NOBODY_ELSE})` : `${callFacts.kind} with ${withWhom(callFacts)}`;
}

export function callFactPairs(callFacts: CallFacts, timeZone: string, now: Date): [string, string][] {
  return [
    ['When', `${formatLocalTime(callFacts.start, timeZone, now)} (${timeZoneLabel(callFacts.start, timeZone)})`],
    ['With', withWhom(callFacts)],
    ['Duration', formatDuration(callFacts.durationSeconds)],
    ['Media', callFacts.media.length > 0 ? callFacts.media.join(', ') : 'unknown'],
  ];
}

export function diagnosisCard(input: DiagnosisCardInput): CardReply {
  const { diagnosis, facts: call } = input;
  const verdict = VERDICTS[diagnosis.verdict];
  const [top, ...rest] = diagnosis.causes;
  const title = `${verdict.icon} ${verdict.label}: your ${callWithWhom(call)}`;
  const pairs = callFactPairs(call, input.timeZone, input.now);

  const body: CardElement[] = [
    ...(input.lead ? [paragraph(escapeMarkdown(input.lead), { weight: 'Bolder' })] : []),
    { ...heading(escapeMarkdown(title)), color: verdict.color },
    facts(pairs.map(([k, v]) => [k, escapeMarkdown(v)] as const)),
    paragraph(escapeMarkdown(diagnosis.summary)),
  ];
  const lines = [...(input.lead ? [input.lead] : []), title, ...pairs.map(([k, v]) => `${k}: ${v}`), diagnosis.summary];

  if (top) {
    const causeTitle = `Most likely cause: ${causeLabel(top.code)} (${SIDES[top.side]})`;
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(escapeMarkdown(causeTitle), { weight: 'Bolder' }),
        paragraph(`Evidence: ${escapeMarkdown(top.evidence)}`, { isSubtle: true }),
        paragraph(`What to do: ${escapeMarkdown(top.advice)}`),
      ],
    });
    lines.push(causeTitle, `Evidence: ${top.evidence}`, `What to do: ${top.advice}`);
  }
  if (rest.length > 0) {
    const also = `Also seen: ${rest.slice(0, 2).map((cause) => `${causeLabel(cause.code)} (${SIDES[cause.side]})`).join('; ')}`;
    body.push(paragraph(escapeMarkdown(also), { isSubtle: true, spacing: 'Small' }));
    lines.push(also);
  }
  // Notes beside the verdict (a brief spike, the other side's experience), rendered generically.
  for (const note of (diagnosis.notes ?? []).slice(0, 2)) {
    const line = `${noteLabel(note.code)}: ${note.text}.`;
    body.push(paragraph(escapeMarkdown(line), { isSubtle: true, spacing: 'Small' }));
    lines.push(line);
  }
  if (input.offerPending) {
    const note = 'Not the call you meant? A call that ended in the last half hour may not have its record yet.';
    body.push(paragraph(note, { isSubtle: true, size: 'Small' }), actionSet([submit("Tell me when it's ready", Verbs.notifyWhenReady)]));
    lines.push(note);
  }

  const feedback = { callId: call.callId, causeCode: top?.code ?? null, askedBy: input.askedBy };
  const text = lines.join('\n');
  if (input.alert) {
    return {
      card: adaptiveCard(body, text, [
        openUrl('Show segments', input.detailsUrl),
        submit('Not helpful', Verbs.feedback, { ...feedback, helpful: false }),
        submit('Stop these alerts', Verbs.setAlerts, { mode: 'off' }),
      ]),
      text,
    };
  }
  body.push(
    paragraph('Was this helpful?', { spacing: 'Medium', size: 'Small' }),
    actionSet([submit('Yes', Verbs.feedback, { ...feedback, helpful: true }), submit('No', Verbs.feedback, { ...feedback, helpful: false })]),
  );

  return {
    card: adaptiveCard(body, text, [openUrl('Show segments', input.detailsUrl), submit('Other recent calls', Verbs.recentCalls)]),
    text,
  };
}
