// The daily channel digest end to end over the Graph emulator: a channel subscribed through the
// bot gets, at CHANNEL_DIGEST_TIME on the injected clock, one card with the same figures the
// channel tab computes (tab/api teamAggregates); a team under 5 people gets the reason only; no
// member's name or id appears; a second run the same day posts nothing.
import type { Activity, ConversationReference } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_TEAM_ID, SUPPORT_TEAM_ID } from '../emulator/index.js';
import type { CallDoctorAdapter } from '../bot/index.js';
import { createMemoryStores } from '../bot/testing/memoryStores.js';
import { recordingLogger } from '../graph/testing/index.js';
import { createDiagnose, thresholdsFromConfig } from '../server/diagnosisWiring.js';
import { startBackgroundJobs } from '../server/jobs/backgroundJobs.js';
import { ManualClock } from '../server/jobs/testing/manualClock.js';
import { createTeamQualityCache, teamAggregates } from '../tab/api/quality/teamQualityView.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphOverEmulator } from './support/graphOverEmulator.js';

const START = new Date('2026-11-29T15:30:00Z');
const HOUR = 3_600_000;

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ now: START });
});
afterAll(() => emulator.close());

/** A loopback stand-in for the Bot Connector: records what each proactive send posted where. */
function recordingAdapter(): { adapter: CallDoctorAdapter; sent: { conversationId: string; activity: Partial<Activity> }[] } {
  const sent: { conversationId: string; activity: Partial<Activity> }[] = [];
  const adapter = {
    continueConversationAsync: async (_botId: string, reference: Partial<ConversationReference>, logic: (context: { sendActivity(a: Partial<Activity>): Promise<unknown> }) => Promise<void>) => {
      await logic({ sendActivity: async (activity) => sent.push({ conversationId: reference.conversation!.id, activity }) });
    },
  } as unknown as CallDoctorAdapter;
  return { adapter, sent };
}

const cardText = (activity: Partial<Activity>): string => String((activity.attachments?.[0]?.content as { fallbackText?: string }).fallbackText);

describe('channel digest job', () => {
  it('when the digest hour comes, then each subscribed channel gets its team’s aggregates once, the tab’s numbers, and never a person', async () => {
    const clock = new ManualClock(START);
    const graph = graphOverEmulator(emulator, { now: clock.now });
    const stores = createMemoryStores();
    const channel = (id: string, groupId: string) => ({ tenantId: emulator.tenantId, channelId: id, groupId, reference: { conversation: { id, conversationType: 'channel', isGroup: true, name: '' }, serviceUrl: 'https://smba.example.test/' }, createdAt: START, lastPostedAt: null });
    await stores.digests.save(channel('19:support@thread.tacv2', SUPPORT_TEAM_ID));
    await stores.digests.save(channel('19:design@thread.tacv2', SMALL_TEAM_ID));
    const { adapter, sent } = recordingAdapter();
    const diagnose = createDiagnose(thresholdsFromConfig({}));
    const jobs = startBackgroundJobs({ tenantId: emulator.tenantId, groupInstall: undefined, channelDigestTime: '08:00', graph, stores, adapter, botAppId: '', diagnose, now: clock.now, timers: clock, logger: recordingLogger() });

    clock.advance(16 * HOUR);
    await jobs.channelDigest.idle();
    expect(sent).toEqual([]);
    clock.advance(HOUR / 2);
    await jobs.channelDigest.idle();

    expect(sent.map((s) => s.conversationId).sort()).toEqual(['19:design@thread.tacv2', '19:support@thread.tacv2']);
    const support = cardText(sent.find((s) => s.conversationId === '19:support@thread.tacv2')!.activity);
    const tab = await teamAggregates({ calls: graph.callRecords, directory: graph.directory, diagnose, now: clock.now }, createTeamQualityCache(), SUPPORT_TEAM_ID, 7);
    expect(tab.quality.withheld).toBe(false);
    if (!tab.quality.withheld) {
      expect(support).toContain(`People with calls: ${tab.quality.people}`);
      expect(support).toContain(`Calls: ${tab.quality.calls}`);
    }
    for (const user of emulator.tenant!.users) {
      expect(support).not.toContain(user.displayName);
      expect(support).not.toContain(user.id);
    }
    const design = cardText(sent.find((s) => s.conversationId === '19:design@thread.tacv2')!.activity);
    expect(design).toMatch(/fewer than 5|5 or more/);
    expect(design).not.toMatch(/Calls: \d/);
    expect((await stores.digests.get(emulator.tenantId, '19:support@thread.tacv2'))?.lastPostedAt).toEqual(clock.now());

    // The next day posts again, once.
    clock.advance(24 * HOUR);
    await jobs.channelDigest.idle();
    expect(sent).toHaveLength(4);
    jobs.stop();
  });
});
