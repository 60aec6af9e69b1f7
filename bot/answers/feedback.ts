// "Was this helpful? yes / no" on a diagnosis card.
import type { Asker } from '../asker.js';
import type { BotDependencies } from '../dependencies.js';

export interface FeedbackSubmission {
  readonly callId?: unknown;
  readonly helpful?: unknown;
  readonly causeCode?: unknown;
  readonly askedBy?: unknown;
}

export async function recordFeedback(deps: BotDependencies, asker: Asker, data: FeedbackSubmission): Promise<string> {
  if (typeof data.callId !== 'string' || typeof data.helpful !== 'boolean') return 'Sorry, I could not read that answer. Please use the buttons on a diagnosis card.';
  // In a group chat anyone can press the buttons; only the person the answer was for rates it.
  if (typeof data.askedBy === 'string' && data.askedBy !== asker.userId) return 'Only the person who asked can rate this answer.';
  await deps.stores.feedback.record({
    user: { tenantId: asker.tenantId, userId: asker.userId },
    callId: data.callId,
    helpful: data.helpful,
    causeCode: typeof data.causeCode === 'string' ? data.causeCode : null,
    at: deps.now(),
  });
  return data.helpful ? 'Thanks, glad it helped! 👍' : 'Thanks for telling me. I’ll use it to get better. 🙏';
}
