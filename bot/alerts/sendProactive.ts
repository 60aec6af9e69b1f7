// The proactive send: opens the stored personal conversation and posts one card. Failures are
// thrown to the caller (the alert worker retries with backoff); nothing is swallowed here.
import type { ConversationReference } from 'botbuilder';
import type { CallDoctorAdapter } from '../adapter.js';
import { toActivity, type CardReply } from '../cards/cardKit.js';

export type SendProactive = (reference: Partial<ConversationReference>, card: CardReply) => Promise<void>;

export function createProactiveSender(adapter: CallDoctorAdapter, botAppId: string): SendProactive {
  return async (reference, card) => {
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      await context.sendActivity(toActivity(card));
    });
  };
}
