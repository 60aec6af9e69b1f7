// One behavioural suite for every implementation of server/alerts/ports.ts: in memory, SQLite,
// Azure Storage. The factory gives a fresh, empty set of stores and a way to move time on: a fake
// clock for memory and SQLite; an Azure implementation, whose visibility timeouts run on the
// service's clock, may wait for real. Durations here are whole seconds for that reason.
// Register an implementation with describeAlertStoresContract('name', factory) from a *.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserKey } from '../../../bot/index.js';
import type { AlertKey, AlertStores, AlertWork, SubscriptionState } from '../../alerts/ports.js';

export interface AlertStoresUnderTest {
  readonly stores: AlertStores;
  /** Moves the implementation's clock on by `ms`. */
  advance(ms: number): Promise<void>;
  dispose(): Promise<void> | void;
}

const work = (callId: string, extra: Partial<AlertWork> = {}): AlertWork => ({
  callId,
  changeType: 'created',
  tenantId: 'tenant-a',
  receivedAt: new Date('2026-11-29T12:00:00.000Z'),
  source: 'notification',
  ...extra,
});

const alice: UserKey = { tenantId: 'tenant-a', userId: 'user-1' };
const aliceTwin: UserKey = { tenantId: 'tenant-b', userId: 'user-1' };
const bob: UserKey = { tenantId: 'tenant-a', userId: 'user-2' };
const call = (user: UserKey, callId: string): AlertKey => ({ ...user, callId });

export function describeAlertStoresContract(name: string, create: () => Promise<AlertStoresUnderTest> | AlertStoresUnderTest): void {
  describe(`alert stores contract: ${name}`, () => {
    let subject: AlertStoresUnderTest;
    let stores: AlertStores;
    beforeEach(async () => {
      subject = await create();
      stores = subject.stores;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    describe('work queue', () => {
      it('when messages are enqueued, then receive hands each out once with its fields, attempt 1, while the lease lasts', async () => {
        await stores.queue.enqueue([work('c1', { changeType: 'updated' }), work('c2', { source: 'backfill', changeType: 'backfill' })]);
        const first = await stores.queue.receive(10, 30_000);
        expect(first.map((m) => m.work.callId).sort()).toEqual(['c1', 'c2']);
        const c1 = first.find((m) => m.work.callId === 'c1')!;
        expect(c1.work).toEqual(work('c1', { changeType: 'updated' }));
        expect(c1.attempt).toBe(1);
        expect(await stores.queue.receive(10, 30_000)).toEqual([]);
      });

      it('when max is smaller than the queue, then only that many are leased and the rest stay visible', async () => {
        await stores.queue.enqueue([work('c1'), work('c2'), work('c3')]);
        expect(await stores.queue.receive(2, 30_000)).toHaveLength(2);
        expect(await stores.queue.receive(5, 30_000)).toHaveLength(1);
      });

      it('when a lease runs out unfinished, then the message comes back with the attempt counted', async () => {
        await stores.queue.enqueue([work('c1')]);
        await stores.queue.receive(1, 1_000);
        await subject.advance(2_000);
        const again = await stores.queue.receive(1, 1_000);
        expect(again.map((m) => [m.work.callId, m.attempt])).toEqual([['c1', 2]]);
      });

      it('when a message is completed, then it never comes back', async () => {
        await stores.queue.enqueue([work('c1')]);
        const [leased] = await stores.queue.receive(1, 1_000);
        expect(await stores.queue.complete(leased!)).toBe(true);
        await subject.advance(2_000);
        expect(await stores.queue.receive(1, 1_000)).toEqual([]);
      });

      it('when a lease expired and another receiver took the message, then the first receipt no longer completes it', async () => {
        await stores.queue.enqueue([work('c1')]);
        const [stale] = await stores.queue.receive(1, 1_000);
        await subject.advance(2_000);
        const [fresh] = await stores.queue.receive(1, 30_000);
        expect(await stores.queue.complete(stale!)).toBe(false);
        expect(await stores.queue.complete(fresh!)).toBe(true);
      });

      it('when a message is retried later, then it is invisible for the delay and then delivered again', async () => {
        await stores.queue.enqueue([work('c1')]);
        const [leased] = await stores.queue.receive(1, 30_000);
        expect(await stores.queue.retryLater(leased!, 2_000)).toBe(true);
        expect(await stores.queue.receive(1, 30_000)).toEqual([]);
        await subject.advance(3_000);
        const again = await stores.queue.receive(1, 30_000);
        expect(again.map((m) => [m.work.callId, m.attempt])).toEqual([['c1', 2]]);
      });

      it('when a message is poisoned, then it is never delivered again and the poison list shows it with its reason, newest first', async () => {
        await stores.queue.enqueue([work('c1'), work('c2')]);
        const leased = await stores.queue.receive(2, 30_000);
        const c1 = leased.find((m) => m.work.callId === 'c1')!;
        const c2 = leased.find((m) => m.work.callId === 'c2')!;
        await stores.queue.poison(c1, 'GraphError: 500 InternalServerError');
        await subject.advance(1_000);
        await stores.queue.poison(c2, 'connector refused');
        await subject.advance(31_000);
        expect(await stores.queue.receive(5, 30_000)).toEqual([]);
        const poison = await stores.queue.listPoison(10);
        expect(poison.map((p) => [p.work.callId, p.reason, p.attempts])).toEqual([
          ['c2', 'connector refused', 1],
          ['c1', 'GraphError: 500 InternalServerError', 1],
        ]);
        expect(poison[0]!.work).toEqual(work('c2'));
        expect(poison[0]!.poisonedAt.getTime()).toBeGreaterThan(poison[1]!.poisonedAt.getTime());
        expect(await stores.queue.listPoison(1)).toHaveLength(1);
      });
    });

    describe('processed versions', () => {
      it('when versions are recorded, then the highest is kept, per tenant and call', async () => {
        expect(await stores.processed.get('tenant-a', 'c1')).toBeUndefined();
        await stores.processed.record('tenant-a', 'c1', 2);
        await stores.processed.record('tenant-a', 'c1', 1);
        expect(await stores.processed.get('tenant-a', 'c1')).toBe(2);
        await stores.processed.record('tenant-a', 'c1', 3);
        expect(await stores.processed.get('tenant-a', 'c1')).toBe(3);
        expect(await stores.processed.get('tenant-b', 'c1')).toBeUndefined();
        expect(await stores.processed.get('tenant-a', 'c2')).toBeUndefined();
      });
    });

    describe('alert log', () => {
      it('when a call is claimed, then a second claim is busy, and once sent every later claim says sent', async () => {
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 60_000)).toBe('claimed');
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 60_000)).toBe('busy');
        await stores.log.markSent(call(alice, 'c1'));
        await subject.advance(2_000);
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 1_000)).toBe('sent');
      });

      it('when claims race, then exactly one wins', async () => {
        const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => stores.log.claim(call(alice, 'race'), 'alert', 60_000)));
        expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'busy')).toHaveLength(4);
      });

      it('when a claim is left sending past staleAfter (a crash mid-send), then the next claim takes it over', async () => {
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 1_000)).toBe('claimed');
        await subject.advance(2_000);
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 1_000)).toBe('claimed');
      });

      it('when a failed send releases its claim, then the call can be claimed again; a sent entry is not released', async () => {
        await stores.log.claim(call(alice, 'c1'), 'alert', 60_000);
        await stores.log.release(call(alice, 'c1'));
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 60_000)).toBe('claimed');
        await stores.log.markSent(call(alice, 'c1'));
        await stores.log.release(call(alice, 'c1'));
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 60_000)).toBe('sent');
      });

      it('when people share a call, then each is alerted once, and tenants never mix', async () => {
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 60_000)).toBe('claimed');
        expect(await stores.log.claim(call(bob, 'c1'), 'alert', 60_000)).toBe('claimed');
        expect(await stores.log.claim(call(aliceTwin, 'c1'), 'pending', 60_000)).toBe('claimed');
      });

      it('when the daily cap is checked, then claims at or after the time count, for that user only', async () => {
        await stores.log.claim(call(alice, 'c1'), 'alert', 60_000);
        await subject.advance(2_000);
        const since = new Date((await stores.log.listForUser(alice))[0]!.claimedAt.getTime() + 1_000);
        await stores.log.claim(call(alice, 'c2'), 'alert', 60_000);
        await stores.log.markSent(call(alice, 'c2'));
        await stores.log.claim(call(alice, 'c3'), 'pending', 60_000);
        await stores.log.claim(call(bob, 'c4'), 'alert', 60_000);
        expect(await stores.log.countSince(alice, since)).toBe(2);
        expect(await stores.log.countSince(alice, new Date(0))).toBe(3);
        expect(await stores.log.countSince(aliceTwin, new Date(0))).toBe(0);
      });

      it('when a user is forgotten, then their entries are listed, then gone, and others stay', async () => {
        await stores.log.claim(call(alice, 'c1'), 'alert', 60_000);
        await stores.log.markSent(call(alice, 'c1'));
        await subject.advance(1_000);
        await stores.log.claim(call(alice, 'c2'), 'pending', 60_000);
        await stores.log.claim(call(bob, 'c1'), 'alert', 60_000);
        const listed = await stores.log.listForUser(alice);
        expect(listed.map((e) => [e.callId, e.state, e.reason])).toEqual([
          ['c2', 'sending', 'pending'],
          ['c1', 'sent', 'alert'],
        ]);
        expect(listed[1]!.sentAt).toBeInstanceOf(Date);
        expect(listed[0]!.sentAt).toBeNull();
        expect(await stores.log.removeUser(alice)).toBe(2);
        expect(await stores.log.listForUser(alice)).toEqual([]);
        expect(await stores.log.claim(call(alice, 'c1'), 'alert', 60_000)).toBe('claimed');
        expect(await stores.log.listForUser(bob)).toHaveLength(1);
      });
    });

    describe('subscription state', () => {
      const state: SubscriptionState = {
        subscriptionId: 'sub-1',
        resource: '/communications/callRecords',
        notificationUrl: 'https://calldoctor.example/api/notifications',
        lifecycleNotificationUrl: 'https://calldoctor.example/api/notifications/lifecycle',
        expiresAt: new Date('2026-12-02T10:00:00.000Z'),
        clientStateHash: 'a'.repeat(64),
        coveredUntil: new Date('2026-11-29T12:00:00.000Z'),
      };

      it('when state is put, then get returns it, touch only moves coveredUntil forward, and remove forgets it', async () => {
        expect(await stores.subscriptions.get('callRecords')).toBeUndefined();
        await stores.subscriptions.put('callRecords', state);
        expect(await stores.subscriptions.get('callRecords')).toEqual(state);
        await stores.subscriptions.touch('callRecords', new Date('2026-11-29T13:00:00.000Z'));
        await stores.subscriptions.touch('callRecords', new Date('2026-11-29T12:30:00.000Z'));
        expect((await stores.subscriptions.get('callRecords'))?.coveredUntil).toEqual(new Date('2026-11-29T13:00:00.000Z'));
        await stores.subscriptions.put('callRecords', { ...state, subscriptionId: 'sub-2', lifecycleNotificationUrl: null });
        expect(await stores.subscriptions.get('callRecords')).toEqual({ ...state, subscriptionId: 'sub-2', lifecycleNotificationUrl: null });
        await stores.subscriptions.remove('callRecords');
        expect(await stores.subscriptions.get('callRecords')).toBeUndefined();
        await stores.subscriptions.touch('callRecords', new Date());
        expect(await stores.subscriptions.get('callRecords')).toBeUndefined();
      });
    });

    describe('leases', () => {
      it('when one holder has the lease, then another cannot take it until it expires or is released', async () => {
        const lease = await stores.leases.acquire('subscription', 'instance-a', 2_000);
        expect(lease?.holder).toBe('instance-a');
        expect(await stores.leases.acquire('subscription', 'instance-b', 2_000)).toBeUndefined();
        expect((await stores.leases.acquire('subscription', 'instance-a', 2_000))?.holder).toBe('instance-a');
        await subject.advance(3_000);
        expect((await stores.leases.acquire('subscription', 'instance-b', 2_000))?.holder).toBe('instance-b');
        expect(await stores.leases.renew('subscription', 'instance-a', 2_000)).toBeUndefined();
        expect((await stores.leases.renew('subscription', 'instance-b', 5_000))?.expiresAt.getTime()).toBeGreaterThan(lease!.expiresAt.getTime());
        await stores.leases.release('subscription', 'instance-a');
        expect(await stores.leases.acquire('subscription', 'instance-a', 2_000)).toBeUndefined();
        await stores.leases.release('subscription', 'instance-b');
        expect((await stores.leases.acquire('subscription', 'instance-a', 2_000))?.holder).toBe('instance-a');
      });

      it('when holders race for a free lease, then exactly one gets it', async () => {
        const results = await Promise.all(['a', 'b', 'c', 'd'].map((h) => stores.leases.acquire('race', h, 10_000)));
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      });
    });
  });
}
