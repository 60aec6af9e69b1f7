// The STORE=azure ports against Azurite (test/support/azurite.ts: in memory, on free loopback
// ports): the same contract suites the SQLite and in-memory stores pass. The alert stores have
// their own file, alertStores.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCallIndexContract, describeCallRecordCacheContract, aFullCallRecord } from '../../../graph/testing/index.js';
import { startAzurite, type RunningAzurite } from '../../../test/support/azurite.js';
import { describeBotPortsContract } from '../contract/botPorts.contract.js';
import { describeBotStateContract } from '../contract/botState.contract.js';
import { describeHelpdeskAuditContract } from '../contract/helpdeskAudit.contract.js';
import { createAzureStore } from './createAzureStore.js';
import { tableKey } from './tables.js';

let azurite: RunningAzurite;
let connectionString: string;
let tableCounter = 0;

beforeAll(async () => {
  azurite = await startAzurite();
  connectionString = azurite.connectionString;
}, 40_000);

afterAll(async () => {
  await azurite?.stop();
});

/** Fresh tables per test: a new prefix each time (letters and digits only, as table names require). */
const freshStore = () => createAzureStore({ connectionString, now: () => new Date('2026-11-29T12:00:00Z'), tablePrefix: `t${++tableCounter}x` });

describeBotPortsContract('Azure Tables (Azurite)', () => ({ ...freshStore().bot, dispose: () => undefined }));
describeCallRecordCacheContract('Azure Tables (Azurite)', () => ({ subject: freshStore().graph.cache }));
describeCallIndexContract('Azure Tables (Azurite)', () => ({ subject: freshStore().graph.index }));
describeBotStateContract('Azure Tables (Azurite)', () => freshStore().botState);
describeHelpdeskAuditContract('Azure Tables (Azurite)', (now) => createAzureStore({ connectionString, now, tablePrefix: `t${++tableCounter}x` }).tab.audit);

describe('Azure Table store', () => {
  it('when a huge meeting record is cached, then it is split across properties and comes back whole', async () => {
    const cache = freshStore().graph.cache;
    const record = aFullCallRecord({ id: 'huge' }, { sessionCount: 600, participantCount: 1500 });
    expect(JSON.stringify(record).length).toBeGreaterThan(64 * 1024);
    await cache.put(record);
    expect(await cache.get('huge')).toEqual(record);
  });

  it('when two feedback votes on one answer arrive, then the tally counts the last one only', async () => {
    const feedback = freshStore().bot.feedback;
    const user = { tenantId: 't', userId: 'u' };
    const at = new Date('2026-11-29T10:00:00Z');
    await feedback.record({ user, callId: 'c1', helpful: true, causeCode: 'vpn', at });
    await feedback.record({ user, callId: 'c1', helpful: false, causeCode: 'vpn', at });
    await feedback.record({ user, callId: 'c2', helpful: true, causeCode: null, at });
    expect(await feedback.tally('t')).toEqual([
      { causeCode: null, helpful: 1, notHelpful: 0 },
      { causeCode: 'vpn', helpful: 0, notHelpful: 1 },
    ]);
  });

  it('when a key holds characters Table Storage forbids, then it is escaped reversibly enough to stay unique', () => {
    expect(tableKey('a/b#c?d\\e%f')).toBe('a%2fb%23c%3fd%5ce%25f');
    expect(tableKey('a/b')).not.toBe(tableKey('a%2fb'));
  });
});
