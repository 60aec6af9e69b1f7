import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCallIndexContract, describeCallRecordCacheContract } from '../../../graph/testing/index.js';
import { describeBotPortsContract } from '../contract/botPorts.contract.js';
import { describeBotStateContract } from '../contract/botState.contract.js';
import { createSqliteStore } from './createSqliteStore.js';
import { MIGRATIONS } from './migrations.js';

const now = () => new Date('2026-11-29T12:00:00Z');

function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeBotPortsContract('sqlite file', () => {
  const { dir, remove } = tempDir();
  const store = createSqliteStore({ path: join(dir, 'nested', 'store.sqlite'), now });
  return {
    ...store.bot,
    dispose: () => {
      store.close();
      remove();
    },
  };
});

describe('sqlite store', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('when the server restarts, then stored preferences and references are still there and migrations are not re-run', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const path = join(dir, 'store.sqlite');
    const first = createSqliteStore({ path, now });
    await first.bot.alertPreferences.set({ tenantId: 't', userId: 'u' }, 'drops');
    await first.bot.conversations.save({ tenantId: 't', userId: 'u' }, { conversation: { id: 'c1', conversationType: 'personal', isGroup: false, name: '' } });
    first.close();

    const second = createSqliteStore({ path, now });
    cleanups.push(second.close);
    expect(await second.bot.alertPreferences.get({ tenantId: 't', userId: 'u' })).toBe('drops');
    expect((await second.bot.conversations.get({ tenantId: 't', userId: 'u' }))?.conversation?.id).toBe('c1');
    const versions = second.db.prepare('SELECT version FROM schema_migrations').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('when a user votes twice on the same answer, then only the last vote counts in the tally', async () => {
    const store = createSqliteStore({ path: ':memory:', now });
    cleanups.push(store.close);
    const user = { tenantId: 't', userId: 'u' };
    const at = now();
    await store.bot.feedback.record({ user, callId: 'c1', helpful: true, causeCode: 'vpn', at });
    await store.bot.feedback.record({ user, callId: 'c1', helpful: false, causeCode: 'vpn', at });
    await store.bot.feedback.record({ user, callId: 'c2', helpful: true, causeCode: 'vpn', at });
    await store.bot.feedback.record({ user: { tenantId: 'other', userId: 'u' }, callId: 'c1', helpful: true, causeCode: 'vpn', at });
    expect(await store.bot.feedback.tally('t')).toEqual([{ causeCode: 'vpn', helpful: 1, notHelpful: 1 }]);
  });

  it('when an index row from before counterparts holds the whole participant list, then it reads back without it, as not yet known', async () => {
    const store = createSqliteStore({ path: ':memory:', now });
    cleanups.push(store.close);
    const legacy = { id: 'c1', version: 1, startDateTime: '2026-11-20T09:00:00Z', endDateTime: '2026-11-20T09:30:00Z', type: 'groupCall', modalities: ['audio'], organizer: null, participants: [{ id: 'u', displayName: 'U', kind: 'user' }] };
    store.db.prepare('INSERT INTO call_index (partition_key, row_key, started_at_ms, summary) VALUES (?, ?, ?, ?)').run('u', 'c1', Date.parse(legacy.startDateTime), JSON.stringify(legacy));

    const [row] = await store.graph.index.recent('u', { since: new Date(0) });
    expect(row).toMatchObject({ id: 'c1', counterparts: null });
    expect(row).not.toHaveProperty('participants');
  });

  it('when an unknown alert mode arrives, then set rejects it with a message naming the mode', async () => {
    const store = createSqliteStore({ path: ':memory:', now });
    cleanups.push(store.close);
    await expect(store.bot.alertPreferences.set({ tenantId: 't', userId: 'u' }, 'sometimes' as never)).rejects.toThrow(/sometimes/);
  });
});

describeCallRecordCacheContract('sqlite', () => {
  const store = createSqliteStore({ path: ':memory:', now });
  return { subject: store.graph.cache, close: store.close };
});

describeCallIndexContract('sqlite', () => {
  const store = createSqliteStore({ path: ':memory:', now });
  return { subject: store.graph.index, close: store.close };
});

describeBotStateContract('sqlite', () => createSqliteStore({ path: ':memory:', now }).botState);
