// The STORE=azure ports against Azurite (pinned 3.35.0, in-memory, spawned on a free loopback
// port): the same contract suites the SQLite and in-memory stores pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/support/ports.js';
import { describeCallIndexContract, describeCallRecordCacheContract, aFullCallRecord } from '../../../graph/testing/index.js';
import { childEnvironment } from '../../config/index.js';
import { startProcess, type ManagedProcess } from '../../demo/managedProcess.js';
import { describeBotPortsContract } from '../contract/botPorts.contract.js';
import { describeBotStateContract } from '../contract/botState.contract.js';
import { describeHelpdeskAuditContract } from '../contract/helpdeskAudit.contract.js';
import { createAzureStore } from './createAzureStore.js';
import { tableKey } from './tables.js';

const repoRoot = new URL('../../..', import.meta.url).pathname;
// Azurite's well-known development account key (public, documented; not a secret).
const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

let azurite: ManagedProcess;
let connectionString: string;
let tableCounter = 0;

beforeAll(async () => {
  const port = await freePort();
  azurite = startProcess({
    name: 'Azurite',
    command: `${repoRoot}node_modules/.bin/azurite-table`,
    args: ['--inMemoryPersistence', '--tableHost', '127.0.0.1', '--tablePort', String(port), '--skipApiVersionCheck', '--disableTelemetry'],
    cwd: repoRoot,
    env: childEnvironment({}),
  });
  await azurite.waitForLine(/successfully started/, 30_000);
  connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
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
