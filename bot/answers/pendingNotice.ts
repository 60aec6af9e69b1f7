// Call records appear after the call ends, usually within 30 minutes and at most about 150.
// These answers say so honestly and offer to follow up when the record arrives.
import { noticeCard } from '../cards/noticeCard.js';
import { submit, Verbs } from '../cards/cardKit.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

/** After this, a record that has not appeared is not coming (Graph's documented maximum latency). */
export const RECORD_MAX_DELAY_MINUTES = 150;
/** A call that ended more recently than this may well have no record yet. */
export const RECORD_USUAL_DELAY_MINUTES = 30;

export function noCallsReply(): BotReply {
  return cardReply(
    noticeCard({
      title: 'No calls in the last 30 days',
      paragraphs: [
        'I found no Teams calls or meetings of yours in the last 30 days (Microsoft keeps call records for 30 days).',
        `If your call ended in the last ${RECORD_USUAL_DELAY_MINUTES} minutes, its record may simply not be ready yet. I can send you the diagnosis when it arrives.`,
      ],
      actions: [submit("Tell me when it's ready", Verbs.notifyWhenReady)],
    }),
    'The user has no call records in the last 30 days.',
  );
}

export function recordNotReadyReply(): BotReply {
  return cardReply(
    noticeCard({
      title: '⏳ That call has no record yet',
      paragraphs: [
        `Microsoft publishes a call record after the call ends, usually within ${RECORD_USUAL_DELAY_MINUTES} minutes and sometimes up to 2.5 hours.`,
        'I can send you the diagnosis as soon as it arrives.',
      ],
      actions: [submit("Tell me when it's ready", Verbs.notifyWhenReady), submit('Check my last recorded call', Verbs.lastCall, { recorded: true })],
    }),
    'The call that just ended has no record yet; offered to send the diagnosis when it arrives.',
  );
}
