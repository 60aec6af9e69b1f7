// Two instances sharing one store: the job lease lets one of them post each channel's digest.
import type { Activity, ConversationReference } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { CallDoctorAdapter } from '../../bot/index.js';
import { createMemoryStores } from '../../bot/testing/memoryStores.js';
import type { CallRecordsService, GraphServices } from '../../graph/index.js';
import { recordingLogger } from '../../graph/testing/index.js';
import type { Lease, LeaseStore } from '../alerts/ports.js';
import { startBackgroundJobs } from './backgroundJobs.js';
import { ManualClock } from './testing/manualClock.js';

const HOUR = 3_600_000;

function memoryLeases(now: () => Date): Pick<LeaseStore, 'acquire' | 'release'> {
  const held = new Map<string, Lease>();
  return {
    acquire: async (name, holder, ttlMs) => {
      const current = held.get(name);
      if (current && current.holder !== holder && current.expiresAt > now()) return undefined;
      const lease = { name, holder, expiresAt: new Date(now().getTime() + ttlMs) };
      held.set(name, lease);
      return lease;
    },
    release: async (name, holder) => {
      if (held.get(name)?.holder === holder) held.delete(name);
    },
  };
}

describe('background jobs on several instances', () => {
  it('when two instances reach the digest hour together, then each channel gets one digest', async () => {
    const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
    const stores = createMemoryStores();
    for (const id of ['19:a@thread.tacv2', '19:b@thread.tacv2']) {
      await stores.digests.save({ tenantId: 't', channelId: id, groupId: 'g', reference: { conversation: { id, conversationType: 'channel', isGroup: true, name: '' } }, createdAt: clock.now(), lastPostedAt: null });
    }
    const sent: string[] = [];
    const adapter = {
      continueConversationAsync: async (_id: string, reference: Partial<ConversationReference>, logic: (c: { sendActivity(a: Partial<Activity>): Promise<unknown> }) => Promise<void>) =>
        logic({ sendActivity: async () => sent.push(reference.conversation!.id) }),
    } as unknown as CallDoctorAdapter;
    // Five members without calls: the card says the figures are withheld; what matters here is how often it is posted.
    const graph = {
      directory: { groupMembers: async () => ['1', '2', '3', '4', '5'].map((n) => ({ id: `0000000${n}-0000-4000-8000-000000000000`, displayName: null, userPrincipalName: null })), findUser: async () => null },
      callRecords: { recentCalls: async () => [] } as unknown as CallRecordsService,
      appInstallations: { installForUser: async () => 'installed' as const },
    } satisfies Pick<GraphServices, 'callRecords' | 'directory' | 'appInstallations'>;
    const leases = memoryLeases(clock.now);
    const start = (holder: string) =>
      startBackgroundJobs({ tenantId: 't', groupInstall: undefined, channelDigestTime: '08:00', graph, stores, adapter, botAppId: '', diagnose: () => { throw new Error('no calls to diagnose'); }, now: clock.now, timers: clock, logger: recordingLogger(), leases: { store: leases, holder } });
    const first = start('instance-1');
    const second = start('instance-2');

    clock.advance(22 * HOUR);
    await Promise.all([first.channelDigest.idle(), second.channelDigest.idle()]);
    expect(sent.sort()).toEqual(['19:a@thread.tacv2', '19:b@thread.tacv2']);
    first.stop();
    second.stop();
  });
});
