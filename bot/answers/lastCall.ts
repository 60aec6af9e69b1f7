// "Why did my last call drop?": the newest call the asker took part in.
import type { Asker } from '../asker.js';
import { listOwnCalls, loadOwnCall } from '../calls/ownCalls.js';
import type { BotDependencies } from '../dependencies.js';
import { answerForRecord } from './diagnoseOwnCall.js';
import { noCallsReply, recordNotReadyReply } from './pendingNotice.js';
import type { BotReply } from './reply.js';

export interface LastCallRequest {
  /** The user said the call ended moments ago ("just now", "just dropped"). */
  readonly justEnded?: boolean;
}

/** When the newest record is older than this, the call the user means may not have a record yet. */
const STALE_AFTER_MINUTES = 15;
/** The index can list a call the record then shows the user was not part of; look a little further. */
const CANDIDATES = 3;

export async function answerLastCall(deps: BotDependencies, asker: Asker, request: LastCallRequest = {}): Promise<BotReply> {
  const now = deps.now();
  const summaries = await listOwnCalls(deps.calls, asker.userId, now, { limit: CANDIDATES });
  for (const summary of summaries) {
    const record = await loadOwnCall(deps.calls, asker.userId, summary.id, summary.version);
    if (!record) continue;
    const minutesSinceEnd = (now.getTime() - new Date(record.endDateTime ?? 0).getTime()) / 60_000;
    const stale = minutesSinceEnd > STALE_AFTER_MINUTES;
    if (request.justEnded && stale) return recordNotReadyReply();
    return answerForRecord(deps, asker, record, { offerPending: stale });
  }
  return request.justEnded ? recordNotReadyReply() : noCallsReply();
}
