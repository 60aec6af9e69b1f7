// A call picked from a list card ("Diagnose this call").
import type { Asker } from '../asker.js';
import { loadOwnCall } from '../calls/ownCalls.js';
import { noticeCard } from '../cards/noticeCard.js';
import { submit, Verbs } from '../cards/cardKit.js';
import type { BotDependencies } from '../dependencies.js';
import { answerForRecord } from './diagnoseOwnCall.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export async function answerCallById(deps: BotDependencies, asker: Asker, callId: string): Promise<BotReply> {
  const record = await loadOwnCall(deps.calls, asker.userId, callId);
  if (record) return answerForRecord(deps, asker, record);
  // Same words whether the record is gone or belongs to someone else: never confirm that a call exists.
  return cardReply(
    noticeCard({
      title: 'I can’t show that call',
      paragraphs: ['That call is not among your calls of the last 30 days. Call records are kept for 30 days, and I only show calls you took part in.'],
      actions: [submit('My recent calls', Verbs.recentCalls)],
    }),
    'That call is not available to this user.',
  );
}
