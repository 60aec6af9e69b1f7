// Proactive sends (the channel digest; alerts use the same path): the bot opens a stored
// conversation and posts one activity, outside any turn.
import type { Activity, ConversationReference } from 'botbuilder';
import type { CallDoctorAdapter } from './adapter.js';
import { channelDigestCard, type DigestInput } from './cards/digestCard.js';
import { toActivity } from './cards/cardKit.js';

export async function postToConversation(adapter: CallDoctorAdapter, botAppId: string, reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
  await adapter.continueConversationAsync(botAppId, reference, async (context) => {
    await context.sendActivity(activity);
  });
}

/** The digest card as a message, for server/jobs/channelDigest.ts. */
export function channelDigestActivity(input: DigestInput): Partial<Activity> {
  return toActivity(channelDigestCard(input));
}
