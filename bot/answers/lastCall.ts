// "Why did my last call drop?": the newest call the asker took part in. With a symptom and no
// particular call named ("nobody could hear me"), the recent call that best shows it instead.
import type { Asker } from '../asker.js';
import { listOwnCalls, loadOwnCall } from '../calls/ownCalls.js';
import type { BotDependencies } from '../dependencies.js';
import type { Symptom } from '../intents/entities/symptom.js';
import { safeDiagnose, answerForRecord } from './diagnoseOwnCall.js';
import { answerFindCall } from './findCall.js';
import { noCallsReply, recordNotReadyReply } from './pendingNotice.js';
import type { BotReply } from './reply.js';
import { matchSymptom, SYMPTOM_WORDS } from './symptomMatch.js';

export interface LastCallRequest {
  /** The user said the call ended moments ago ("just now", "just dropped"). */
  readonly justEnded?: boolean;
  /** What the user noticed. */
  readonly symptom?: Symptom;
  /** The user named the newest call ("my last call"), so a symptom does not start a search. */
  readonly newestNamed?: boolean;
}

/** When the newest record is older than this, the call the user means may not have a record yet. */
const STALE_AFTER_MINUTES = 15;
/** The index can list a call the record then shows the user was not part of; look a little further. */
const CANDIDATES = 3;

export async function answerLastCall(deps: BotDependencies, asker: Asker, request: LastCallRequest = {}): Promise<BotReply> {
  const now = deps.now();
  if (request.symptom && !request.newestNamed && !request.justEnded) {
    const any = await listOwnCalls(deps.calls, asker.userId, now, { limit: 1 });
    return any.length === 0 ? noCallsReply() : answerFindCall(deps, asker, { symptom: request.symptom });
  }
  const summaries = await listOwnCalls(deps.calls, asker.userId, now, { limit: CANDIDATES });
  for (const summary of summaries) {
    const record = await loadOwnCall(deps.calls, asker.userId, summary.id, summary.version);
    if (!record) continue;
    const minutesSinceEnd = (now.getTime() - new Date(record.endDateTime ?? 0).getTime()) / 60_000;
    const stale = minutesSinceEnd > STALE_AFTER_MINUTES;
    if (request.justEnded && stale) return recordNotReadyReply();
    if (!request.symptom) return answerForRecord(deps, asker, record, { offerPending: stale });
    const diagnosis = safeDiagnose(deps, record, asker.userId);
    // The card already shows a symptom the call had; say so only when the record does not show it.
    const lead = matchSymptom(request.symptom, diagnosis).score > 0 ? undefined : `Your last call's record shows no sign of ${SYMPTOM_WORDS[request.symptom]}.`;
    return answerForRecord(deps, asker, record, { offerPending: stale, diagnosis, ...(lead ? { lead } : {}) });
  }
  return request.justEnded ? recordNotReadyReply() : noCallsReply();
}
