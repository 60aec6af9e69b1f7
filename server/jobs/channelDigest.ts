// The daily channel digest: for every channel that said "daily digest on", the team's aggregates
// (tab/api's teamAggregates, the channel tab's numbers) posted as the bot's digest card. A channel
// posted to in the last 20 hours is skipped, so a restart does not post twice the same day; a
// channel the bot was removed from (403/404 on the send) is unsubscribed.
import type { Activity } from 'botbuilder';
import type { ChannelDigestStore, ChannelDigestSubscription, DigestInput } from '../../bot/index.js';
import type { Logger } from '../../graph/index.js';
import type { TeamQuality } from '../../diagnosis/patterns/types.js';

export interface ChannelDigestDeps {
  readonly digests: ChannelDigestStore;
  /** The team's aggregates over `days`; null when the group no longer exists. */
  aggregates(groupId: string, days: number): Promise<TeamQuality | null>;
  /** The bot's digest card for these figures. */
  card(input: DigestInput): Partial<Activity>;
  /** The bot's proactive send to the channel. */
  post(subscription: ChannelDigestSubscription, activity: Partial<Activity>): Promise<void>;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Period of the figures; 7 days by default. */
  readonly days?: number;
}

export interface ChannelDigestReport {
  readonly posted: number;
  readonly alreadyPosted: number;
  readonly teamGone: number;
  readonly unsubscribed: number;
  readonly failed: number;
}

const MIN_GAP_MS = 20 * 60 * 60 * 1000;

export async function postChannelDigests(deps: ChannelDigestDeps): Promise<ChannelDigestReport> {
  const days = deps.days ?? 7;
  const counts = { posted: 0, alreadyPosted: 0, teamGone: 0, unsubscribed: 0, failed: 0 };
  for (const subscription of await deps.digests.list()) {
    const now = deps.now();
    if (subscription.lastPostedAt && now.getTime() - subscription.lastPostedAt.getTime() < MIN_GAP_MS) {
      counts.alreadyPosted++;
      continue;
    }
    try {
      const quality = await deps.aggregates(subscription.groupId, days);
      if (!quality) {
        counts.teamGone++;
        continue;
      }
      await deps.post(subscription, deps.card({ quality, days }));
      await deps.digests.markPosted(subscription.tenantId, subscription.channelId, now);
      counts.posted++;
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (status === 403 || status === 404) {
        // The bot was removed from the team or the channel was deleted: stop trying.
        await deps.digests.remove(subscription.tenantId, subscription.channelId);
        counts.unsubscribed++;
      } else {
        counts.failed++;
        deps.logger.warn({ job: 'channelDigest', error: error instanceof Error ? error.name : 'unknown' }, 'could not post one channel digest');
      }
    }
  }
  deps.logger.info({ job: 'channelDigest', ...counts }, 'channel digest run finished');
  return counts;
}
