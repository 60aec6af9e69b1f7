import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAlertStoresContract } from '../contract/alerts.contract.js';
import { createSqliteStore } from './createSqliteStore.js';

describeAlertStoresContract('sqlite', () => {
  let clock = new Date('2026-11-29T12:00:00.000Z').getTime();
  const store = createSqliteStore({ path: ':memory:', now: () => new Date(clock) });
  return {
    stores: store.alerts,
    advance: async (ms) => {
      clock += ms;
    },
    dispose: () => store.close(),
  };
});

describe('sqlite alert queue', () => {
  it('when the process restarts with messages leased, then they are still there and come back after the lease', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'call-doctor-alerts-'));
    try {
      let clock = new Date('2026-11-29T12:00:00.000Z').getTime();
      const now = () => new Date(clock);
      const path = join(dir, 'store.sqlite');
      const first = createSqliteStore({ path, now });
      await first.alerts.queue.enqueue([{ callId: 'c1', changeType: 'created', tenantId: 't', receivedAt: now(), source: 'notification' }]);
      await first.alerts.queue.receive(1, 60_000);
      first.close();
      const second = createSqliteStore({ path, now });
      expect(await second.alerts.queue.receive(1, 60_000)).toEqual([]);
      clock += 61_000;
      expect((await second.alerts.queue.receive(1, 60_000)).map((m) => [m.work.callId, m.attempt])).toEqual([['c1', 2]]);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
