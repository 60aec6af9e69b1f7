import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../bot/testing/memoryStores.js';
import { silentLogger, type CallRecordFeed } from '../../graph/index.js';
import { createAlertPipeline } from './alertPipeline.js';
import { DEFAULT_DAILY_CAP } from './ports.js';
import { fakeSubscriptions } from './testing/fakeSubscriptions.js';
import { createManualClock } from './testing/manualClock.js';
import { createMemoryAlertStores } from './testing/memoryAlertStores.js';

describe('alert pipeline', () => {
  it('when it runs for days, then raw records are pruned a minute after start and then daily, and the subscription is kept', async () => {
    const clock = createManualClock(new Date('2026-11-30T10:00:00.000Z'));
    const prunes: Date[] = [];
    const feed: CallRecordFeed = {
      recordNotified: async () => Promise.reject(new Error('unused')),
      backfill: async (range) => ({ from: range.from.toISOString(), to: range.to.toISOString(), nextLink: null, done: true, pages: 1, calls: 0 }),
      prune: async () => void prunes.push(clock.now()),
      indexComplete: async () => undefined,
    };
    const graph = fakeSubscriptions(clock.now);
    const bot = createMemoryStores();
    const pipeline = createAlertPipeline({
      stores: createMemoryAlertStores(clock.now),
      feed,
      subscriptions: graph,
      diagnose: () => Promise.reject(new Error('unused')) as never,
      recipients: () => [],
      conversations: bot.conversations,
      pending: bot.pending,
      rules: { get: async () => ({ mode: 'all', quietHours: null, timeZone: 'UTC', dailyCap: DEFAULT_DAILY_CAP }) },
      deliver: async () => undefined,
      tenantId: 'tenant',
      publicUrl: 'https://calldoctor.example',
      clientState: 'secret',
      leaseSeconds: 120,
      idlePollMs: 3_600_000,
      now: clock.now,
      timers: clock.timers,
      logger: silentLogger,
    });
    pipeline.start();
    await clock.advance(59_000);
    expect(prunes).toHaveLength(0);
    await clock.advance(1_000);
    expect(prunes).toHaveLength(1);
    await clock.advance(3 * 24 * 3_600_000);
    expect(prunes).toHaveLength(4);
    expect((await graph.list()).map((s) => s.notificationUrl)).toEqual(['https://calldoctor.example/api/notifications']);
    await pipeline.stop();
  });
});
