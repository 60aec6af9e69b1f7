// "Was this helpful? yes / no" on a diagnosis card. The button's data comes back from the client,
// so none of it is trusted: the rater must be the person the answer was for, must have taken part
// in the call, and the cause must be one the diagnosis of that call gives. Otherwise anyone could
// inflate the per-cause tallies the feedback exists for.
import type { Asker } from '../asker.js';
import { loadOwnCall } from '../calls/ownCalls.js';
import type { BotDependencies } from '../dependencies.js';
import { safeDiagnose } from './diagnoseOwnCall.js';

export interface FeedbackSubmission {
  readonly callId?: unknown;
  readonly helpful?: unknown;
  readonly causeCode?: unknown;
  readonly askedBy?: unknown;
}

export const FEEDBACK_UNREADABLE = 'Sorry, I could not read that answer. Please use the buttons on a diagnosis card.';
export const FEEDBACK_NOT_YOURS = 'Only the person who asked can rate this answer.';

/** Longest call id Graph produces is a GUID; anything much longer is not one of ours. */
const MAX_ID_LENGTH = 200;

export async function recordFeedback(deps: BotDependencies, asker: Asker, data: FeedbackSubmission): Promise<string> {
  if (typeof data.callId !== 'string' || data.callId === '' || data.callId.length > MAX_ID_LENGTH || typeof data.helpful !== 'boolean') return FEEDBACK_UNREADABLE;
  if (data.causeCode !== null && data.causeCode !== undefined && typeof data.causeCode !== 'string') return FEEDBACK_UNREADABLE;
  // In a group chat anyone can press the buttons; only the person the answer was for rates it. Every card names them.
  if (typeof data.askedBy !== 'string' || data.askedBy.toLowerCase() !== asker.userId.toLowerCase()) return FEEDBACK_NOT_YOURS;
  const record = await loadOwnCall(deps.calls, asker.userId, data.callId);
  // The same words whether the call does not exist or is someone else's.
  if (!record) return FEEDBACK_NOT_YOURS;
  const causeCode = data.causeCode ?? null;
  if (causeCode !== null && !safeDiagnose(deps, record, asker.userId).causes.some((cause) => cause.code === causeCode)) return FEEDBACK_UNREADABLE;
  await deps.stores.feedback.record({
    user: { tenantId: asker.tenantId, userId: asker.userId },
    callId: record.id,
    helpful: data.helpful,
    causeCode,
    at: deps.now(),
  });
  return data.helpful ? 'Thanks, glad it helped! 👍' : 'Thanks for telling me. I’ll use it to get better. 🙏';
}
