// One record -> facts + diagnosis + card. The single place the bot turns a record into an answer.
import type { FullCallRecord } from '../../graph/contract.js';
import type { Diagnosis } from '../../diagnosis/types.js';
import type { Asker } from '../asker.js';
import { describeCall } from '../calls/callFacts.js';
import { diagnosisCard } from '../cards/diagnosisCard.js';
import type { BotDependencies } from '../dependencies.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

/** diagnose() is contracted never to throw; a defect there still must not cost the user an answer. */
export function safeDiagnose(deps: BotDependencies, record: FullCallRecord, userId: string): Diagnosis {
  try {
    return deps.diagnose(record, userId);
  } catch (error) {
    deps.logger.error({ callId: record.id, error: error instanceof Error ? error.name : 'unknown' }, 'diagnosis failed');
    return { callId: record.id, verdict: 'unclassified', causes: [], summary: 'I could not analyse this call record.', segments: [] };
  }
}

export interface RecordAnswerOptions {
  readonly offerPending?: boolean;
  /** Why this call was chosen, said above the verdict. */
  readonly lead?: string;
  /** Already computed by a search; diagnosed again otherwise. */
  readonly diagnosis?: Diagnosis;
}

export function answerForRecord(deps: BotDependencies, asker: Asker, record: FullCallRecord, options: RecordAnswerOptions = {}): BotReply {
  const diagnosis = options.diagnosis ?? safeDiagnose(deps, record, asker.userId);
  const facts = describeCall(record, asker.userId);
  const reply = diagnosisCard({
    facts,
    diagnosis,
    timeZone: asker.timeZone,
    now: deps.now(),
    detailsUrl: deps.links.callDetails(record.id),
    askedBy: asker.userId,
    ...(options.offerPending ? { offerPending: true } : {}),
    ...(options.lead ? { lead: options.lead } : {}),
  });
  const top = diagnosis.causes[0];
  return {
    ...cardReply(reply, `${options.lead ? `${options.lead} ` : ''}Call ${record.id}: verdict ${diagnosis.verdict}${top ? `, most likely cause ${top.code} (${top.side})` : ''}. ${diagnosis.summary}`),
    about: { callId: record.id, startDateTime: record.startDateTime ?? new Date(0).toISOString() },
  };
}
