// The server's daily background jobs, wired from what compose built: the admin opt-in group
// install (on start and daily, only with ALERTS_INSTALL_GROUP_ID) and the channel digest (daily at
// CHANNEL_DIGEST_TIME UTC). Clock and timers are injected, so tests move time.
import { channelDigestActivity, postToConversation, type CallDoctorAdapter, type ChannelDigestStore, type ConversationReferenceStore } from '../../bot/index.js';
import type { FullCallRecord, GraphServices, Logger } from '../../graph/index.js';
import type { Diagnosis } from '../../diagnosis/types.js';
import { ApiHttpError } from '../../tab/api/apiError.js';
import { createTeamQualityCache, teamAggregates } from '../../tab/api/quality/teamQualityView.js';
import { postChannelDigests } from './channelDigest.js';
import { scheduleDaily, type DailySchedule, type Timers } from './dailySchedule.js';
import { installForGroup } from './groupInstall.js';

export interface BackgroundJobsDeps {
  readonly tenantId: string;
  readonly groupInstall: { readonly groupId: string; readonly catalogAppId: string } | undefined;
  readonly channelDigestTime: string;
  readonly graph: Pick<GraphServices, 'callRecords' | 'directory' | 'appInstallations'>;
  readonly stores: { readonly conversations: ConversationReferenceStore; readonly digests: ChannelDigestStore };
  readonly adapter: CallDoctorAdapter;
  readonly botAppId: string;
  readonly diagnose: (record: FullCallRecord, userId: string) => Diagnosis;
  readonly now: () => Date;
  readonly timers: Timers;
  readonly logger: Logger;
}

export interface BackgroundJobs {
  readonly groupInstall: DailySchedule | undefined;
  readonly channelDigest: DailySchedule;
  stop(): void;
}

export function startBackgroundJobs(deps: BackgroundJobsDeps): BackgroundJobs {
  const logger = deps.logger.child({ component: 'jobs' });
  const install = deps.groupInstall;
  const groupInstall = install
    ? scheduleDaily({
        name: 'groupInstall',
        now: deps.now,
        timers: deps.timers,
        logger,
        runOnStart: true,
        run: async () => {
          await installForGroup({ tenantId: deps.tenantId, groupId: install.groupId, catalogAppId: install.catalogAppId, directory: deps.graph.directory, installations: deps.graph.appInstallations, conversations: deps.stores.conversations, logger });
        },
      })
    : undefined;
  const cache = createTeamQualityCache();
  const quality = { calls: deps.graph.callRecords, directory: deps.graph.directory, diagnose: deps.diagnose, now: deps.now };
  const channelDigest = scheduleDaily({
    name: 'channelDigest',
    now: deps.now,
    timers: deps.timers,
    logger,
    atUtc: deps.channelDigestTime,
    runOnStart: false,
    run: async () => {
      await postChannelDigests({
        digests: deps.stores.digests,
        aggregates: async (groupId, days) => {
          try {
            return (await teamAggregates(quality, cache, groupId, days)).quality;
          } catch (error) {
            if (error instanceof ApiHttpError && error.status === 404) return null;
            throw error;
          }
        },
        card: channelDigestActivity,
        post: (subscription, activity) => postToConversation(deps.adapter, deps.botAppId, subscription.reference, activity),
        now: deps.now,
        logger,
      });
    },
  });
  return {
    groupInstall,
    channelDigest,
    stop: () => {
      groupInstall?.stop();
      channelDigest.stop();
    },
  };
}
