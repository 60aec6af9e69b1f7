// The proactive alert: the bot's diagnosis card (verdict, cause, side, what to do) with a line
// saying why it arrived, and the alert's own actions (Show segments, Not helpful, Stop these alerts).
import type { Diagnosis } from '../../diagnosis/types.js';
import type { FullCallRecord } from '../../graph/contract.js';
import { describeCall } from '../calls/callFacts.js';
import type { CardReply } from '../cards/cardKit.js';
import { diagnosisCard } from '../cards/diagnosisCard.js';

export interface AlertCardInput {
  readonly record: FullCallRecord;
  /** The person the card goes to; the diagnosis is of their own experience. */
  readonly userId: string;
  readonly diagnosis: Diagnosis;
  readonly timeZone: string;
  readonly now: Date;
  readonly detailsUrl: string;
  /** alert: their preference matched; pending: they asked "tell me when it's ready". */
  readonly reason: 'alert' | 'pending';
}

export function alertCard(input: AlertCardInput): CardReply {
  const lead =
    input.reason === 'pending'
      ? 'The record of your call has arrived. Here is what I found.'
      : input.diagnosis.verdict === 'poor'
        ? 'Your call just now did not go well. Here is why.'
        : 'Your call just now did not go through as it should. Here is why.';
  return diagnosisCard({
    facts: describeCall(input.record, input.userId),
    diagnosis: input.diagnosis,
    timeZone: input.timeZone,
    now: input.now,
    detailsUrl: input.detailsUrl,
    askedBy: input.userId,
    lead,
    alert: true,
  });
}
