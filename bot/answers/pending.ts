// "Tell me when it's ready": a pending diagnosis the alert pipeline fulfils when the record arrives.
import type { Asker } from '../asker.js';
import { noticeCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import { RECORD_MAX_DELAY_MINUTES } from './pendingNotice.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export async function answerNotifyWhenReady(deps: BotDependencies, asker: Asker): Promise<BotReply> {
  const now = deps.now();
  const user = { tenantId: asker.tenantId, userId: asker.userId };
  await deps.stores.pending.add({ user, requestedAt: now, expiresAt: new Date(now.getTime() + RECORD_MAX_DELAY_MINUTES * 60_000) });
  const canReach = asker.scope === 'personal' || (await deps.stores.conversations.get(user)) !== undefined;
  const paragraphs = [
    canReach
      ? 'I will send you the diagnosis in our personal chat as soon as the call record arrives (usually within 30 minutes).'
      : 'I will send you the diagnosis as soon as the call record arrives, but I can only reach you in a personal chat: open a chat with Call Doctor and say "hi" once.',
    'If no record arrives within 2.5 hours, I will stop waiting.',
  ];
  return cardReply(noticeCard({ title: '👍 I’ll let you know', paragraphs }), 'Will send the diagnosis when the record arrives.');
}
