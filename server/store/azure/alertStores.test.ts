// The alert stores on Azure Storage against Azurite: the same contract suite the in-memory and
// SQLite stores pass, plus what only a shared queue can show (two receivers, message limits).
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type RunningAzurite } from '../../../test/support/azurite.js';
import type { AlertQueue, AlertWork } from '../../alerts/ports.js';
import { describeAlertStoresContract } from '../contract/alerts.contract.js';
import { createAzureStore } from './createAzureStore.js';
import { MAX_MESSAGE_BYTES } from './queues.js';

let azurite: RunningAzurite;
let counter = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 40_000);

afterAll(async () => {
  await azurite?.stop();
});

const START = new Date('2026-11-29T12:00:00.000Z').getTime();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A store with its own tables and queue, and its own clock. */
function freshStore(clock: { ms: number }) {
  const id = ++counter;
  const queueName = `t${id}x-alerts`;
  const store = createAzureStore({ connectionString: azurite.connectionString, now: () => new Date(clock.ms), tablePrefix: `t${id}x`, alertsQueue: queueName });
  return { store, queueName };
}

// Tables read the injected clock; only the queue keeps time on the service (visibility
// timeouts), so once a test has touched the queue, moving time on also waits for real. The wait
// is capped at 3 s: a 30 s lease still hides its message after 3 s, which is what those tests
// check, and the lease-expiry tests use 1-2 s leases and wait them out in full.
const REAL_WAIT_CAP_MS = 3_000;

describeAlertStoresContract('Azure Storage Queue and Tables (Azurite)', () => {
  const clock = { ms: START };
  const { store } = freshStore(clock);
  let queueUsed = false;
  const queue = new Proxy(store.alerts.queue, {
    get(target, property, receiver) {
      queueUsed = true;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return {
    stores: { ...store.alerts, queue },
    advance: async (ms) => {
      clock.ms += ms;
      if (queueUsed) await sleep(Math.min(ms, REAL_WAIT_CAP_MS));
    },
    dispose: () => store.close(),
  };
});

const work = (callId: string): AlertWork => ({ callId, changeType: 'created', tenantId: 'tenant-a', receivedAt: new Date(START), source: 'notification' });

describe('Azure alert queue', () => {
  it('when two instances receive from one queue at once, then every message goes to exactly one of them', async () => {
    const clock = { ms: START };
    const { store, queueName } = freshStore(clock);
    const other = createAzureStore({ connectionString: azurite.connectionString, now: () => new Date(clock.ms), tablePrefix: 'unused', alertsQueue: queueName });
    const ids = Array.from({ length: 60 }, (_, i) => `c${i}`);
    await store.alerts.queue.enqueue(ids.map(work));
    const drain = async (queue: AlertQueue) => {
      const got: string[] = [];
      for (;;) {
        const batch = await queue.receive(7, 30_000);
        if (batch.length === 0) return got;
        for (const leased of batch) {
          got.push(leased.work.callId);
          expect(await queue.complete(leased)).toBe(true);
        }
      }
    };
    const [a, b] = await Promise.all([drain(store.alerts.queue), drain(other.alerts.queue)]);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });

  it('when a message is poisoned, then the queue no longer holds it, visible or not', async () => {
    const { store, queueName } = freshStore({ ms: START });
    await store.alerts.queue.enqueue([work('c1'), work('c2')]);
    const leased = await store.alerts.queue.receive(2, 30_000);
    await store.alerts.queue.poison(leased.find((m) => m.work.callId === 'c1')!, 'GraphError: 404');
    const properties = await new QueueClient(azurite.connectionString, queueName).getProperties();
    expect(properties.approximateMessagesCount).toBe(1);
    expect((await store.alerts.queue.listPoison(5)).map((p) => p.work.callId)).toEqual(['c1']);
  });

  it('when something that is not a work item sits on the queue, then receive moves it to poison instead of handing it out', async () => {
    const { store, queueName } = freshStore({ ms: START });
    await store.alerts.queue.enqueue([work('c1')]);
    await new QueueClient(azurite.connectionString, queueName).sendMessage('not base64 json');
    const leased = await store.alerts.queue.receive(5, 30_000);
    expect(leased.map((m) => m.work.callId)).toEqual(['c1']);
    const poison = await store.alerts.queue.listPoison(5);
    expect(poison.map((p) => p.reason)).toEqual(['unreadable queue message: not a Call Doctor work item']);
  });

  it('when a work item would not fit in one queue message, then enqueue refuses it before sending anything', async () => {
    const { store } = freshStore({ ms: START });
    const huge = work('x'.repeat(MAX_MESSAGE_BYTES));
    await expect(store.alerts.queue.enqueue([work('c1'), huge])).rejects.toThrow(/at most 65536/);
    expect(await store.alerts.queue.receive(5, 30_000)).toEqual([]);
  });
});
