import { describe, expect, it } from 'vitest';
import { silentLogger, type CallRecordFeed, type CallSummary, type DateRange } from '../../graph/index.js';
import { aCallSummary } from '../../graph/testing/index.js';
import { createSubscriptionManager, hashClientState, SUBSCRIPTION_NAME, type SubscriptionManagerTuning } from './subscriptionManager.js';
import type { AlertStores } from './ports.js';
import { fakeSubscriptions } from './testing/fakeSubscriptions.js';
import { createManualClock, type ManualClock } from './testing/manualClock.js';
import { createMemoryAlertStores } from './testing/memoryAlertStores.js';

const TENANT = 'tenant';
const HOUR = 3_600_000;
const MIN = 60_000;

function setup() {
  const clock = createManualClock(new Date('2026-11-30T10:00:00.000Z'));
  const stores = createMemoryAlertStores(clock.now);
  const graph = fakeSubscriptions(clock.now);
  const backfills: DateRange[] = [];
  let listed: CallSummary[] = [];
  const feed: CallRecordFeed = {
    recordNotified: async () => Promise.reject(new Error('not used')),
    backfill: async (range) => {
      backfills.push(range);
      return listed.filter((s) => Date.parse(s.startDateTime) >= range.from.getTime() && Date.parse(s.startDateTime) < range.to.getTime());
    },
    prune: async () => undefined,
  };
  const manager = (holder: string, overrides: { clientState?: string; tuning?: Partial<SubscriptionManagerTuning>; stores?: AlertStores; clock?: ManualClock } = {}) =>
    createSubscriptionManager({
      subscriptions: graph,
      feed,
      states: (overrides.stores ?? stores).subscriptions,
      leases: (overrides.stores ?? stores).leases,
      queue: (overrides.stores ?? stores).queue,
      processed: (overrides.stores ?? stores).processed,
      notificationUrl: 'https://calldoctor.example/api/notifications',
      lifecycleNotificationUrl: 'https://calldoctor.example/api/notifications/lifecycle',
      clientState: overrides.clientState ?? 'secret-1',
      tenantId: TENANT,
      holder,
      now: clock.now,
      timers: clock.timers,
      logger: silentLogger,
      ...(overrides.tuning ? { tuning: overrides.tuning } : {}),
    });
  const queuedIds = async () => (await stores.queue.receive(1000, HOUR)).map((m) => [m.work.callId, m.work.source]);
  return { clock, stores, graph, manager, backfills, queuedIds, setListed: (s: CallSummary[]) => void (listed = s) };
}

describe('subscription manager', () => {
  it('when started, then one subscription is created with both URLs, and its state keeps only a hash of the clientState', async () => {
    const t = setup();
    await t.manager('a').check();
    const [subscription] = [...t.graph.live.values()];
    expect(t.graph.live.size).toBe(1);
    expect(subscription).toMatchObject({
      notificationUrl: 'https://calldoctor.example/api/notifications',
      lifecycleNotificationUrl: 'https://calldoctor.example/api/notifications/lifecycle',
      changeType: 'created,updated',
      clientState: 'secret-1',
    });
    const state = await t.stores.subscriptions.get(SUBSCRIPTION_NAME);
    expect(state?.subscriptionId).toBe(subscription!.id);
    expect(state?.clientStateHash).toBe(hashClientState('secret-1'));
    expect(JSON.stringify(state)).not.toContain('secret-1');
  });

  it('when a second instance or a restart checks, then no duplicate is created', async () => {
    const t = setup();
    await t.manager('a').check();
    await t.manager('b').check(); // lease held by a: does nothing
    const restarted = t.manager('a');
    await restarted.check();
    await t.clock.advance(30 * MIN); // a's lease ran out; b takes over and adopts the recorded subscription
    await t.manager('b').check();
    expect(t.graph.calls.filter((c) => c === 'create')).toHaveLength(1);
    expect(t.graph.live.size).toBe(1);
  });

  it('when the subscription nears expiry, then the loop renews it a day ahead, and it never lapses', async () => {
    const t = setup();
    const manager = t.manager('a');
    manager.start();
    await t.clock.advance(MIN);
    const id = [...t.graph.live.keys()][0]!;
    await t.clock.advance(2 * 24 * HOUR); // 4,200 min lifetime: due after ~46 h
    expect(t.graph.calls).toContain(`renew ${id}`);
    await t.clock.advance(5 * 24 * HOUR);
    expect([...t.graph.live.keys()]).toEqual([id]);
    expect(t.graph.calls.filter((c) => c === 'create')).toHaveLength(1);
    expect((await t.stores.subscriptions.get(SUBSCRIPTION_NAME))!.expiresAt.getTime()).toBeGreaterThan(t.clock.now().getTime() + 24 * HOUR);
    await manager.stop();
  });

  it('when Graph asks for reauthorization, then the subscription is reauthorized and extended', async () => {
    const t = setup();
    const manager = t.manager('a');
    await manager.check();
    const id = [...t.graph.live.keys()][0]!;
    await t.clock.advance(40 * HOUR);
    manager.lifecycle([{ event: 'reauthorizationRequired', subscriptionId: id }]);
    await manager.stop();
    expect(t.graph.calls).toEqual(['create', `reauthorize ${id}`, `renew ${id}`]);
    expect((await t.stores.subscriptions.get(SUBSCRIPTION_NAME))!.expiresAt.getTime()).toBe(t.clock.now().getTime() + 4200 * MIN);
  });

  it('when the subscription is removed, then it is recreated and the time since the last check is backfilled with overlap', async () => {
    const t = setup();
    const manager = t.manager('a');
    await manager.check();
    const first = [...t.graph.live.keys()][0]!;
    await t.clock.advance(5 * MIN);
    t.graph.live.delete(first);
    manager.lifecycle([{ event: 'subscriptionRemoved', subscriptionId: first }]);
    await manager.stop();
    expect(t.graph.live.size).toBe(1);
    expect([...t.graph.live.keys()][0]).not.toBe(first);
    expect(t.backfills).toHaveLength(1);
    expect(t.backfills[0]!.to.getTime() - t.backfills[0]!.from.getTime()).toBe(5 * MIN + 6 * HOUR);
  });

  it('when the server was down long enough for the subscription to lapse, then on start it is recreated and the missed window is backfilled, skipping calls already done', async () => {
    const t = setup();
    await t.manager('a').check();
    const downAt = t.clock.now();
    await t.clock.advance(4 * 24 * HOUR); // past the 4,200-minute lifetime: Graph dropped it
    expect(await t.graph.list()).toHaveLength(0);
    const during = new Date(downAt.getTime() + 2 * 24 * HOUR).toISOString();
    const before = new Date(downAt.getTime() - 2 * HOUR).toISOString();
    t.setListed([aCallSummary({ id: 'in-gap', startDateTime: during, version: 1 }), aCallSummary({ id: 'overlap', startDateTime: before, version: 2 }), aCallSummary({ id: 'done', startDateTime: during, version: 1 })]);
    await t.stores.processed.record(TENANT, 'done', 1);
    await t.manager('a').check();
    expect(t.graph.live.size).toBe(1);
    expect(t.backfills.map((r) => [r.from.toISOString(), r.to.toISOString()])).toEqual([[new Date(downAt.getTime() - 6 * HOUR).toISOString(), t.clock.now().toISOString()]]);
    expect((await t.queuedIds()).sort()).toEqual([['in-gap', 'backfill'], ['overlap', 'backfill']]);
  });

  it('when Graph reports missed notifications, then the recent window is backfilled', async () => {
    const t = setup();
    const manager = t.manager('a');
    await manager.check();
    manager.lifecycle([{ event: 'missed', subscriptionId: [...t.graph.live.keys()][0]! }]);
    await manager.stop();
    expect(t.backfills).toHaveLength(1);
    expect(t.backfills[0]!.to.getTime() - t.backfills[0]!.from.getTime()).toBe(8 * HOUR);
  });

  it('when the configured clientState changes, then the old subscription is replaced so Graph sends the new one', async () => {
    const t = setup();
    await t.manager('a').check();
    const old = [...t.graph.live.keys()][0]!;
    await t.manager('a', { clientState: 'secret-2' }).check();
    expect([...t.graph.live.values()].map((s) => s.clientState)).toEqual(['secret-2']);
    expect(t.graph.calls).toContain(`remove ${old}`);
  });

  it('when notifications keep flowing, then coverage moves on and a restart soon after backfills nothing', async () => {
    const t = setup();
    const manager = t.manager('a');
    await manager.check();
    await t.clock.advance(20 * MIN);
    manager.received(t.clock.now());
    await manager.stop();
    await t.clock.advance(10 * MIN);
    await t.manager('a').check();
    expect(t.backfills).toEqual([]);
  });
});
