// Issue 16, faults: the store unavailable for a while. SQLite locked by a second connection that
// holds an exclusive lock, and Azurite (STORE=azure) stopped and started again on the same port.
// Meanwhile a bot question still gets a friendly reply and nothing crashes; once the store is back
// the same question gets its real answer again. Loopback only, against the Graph emulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../bot/testing/cardReading.js';
import { childEnvironment } from '../server/config/index.js';
import { startProcess, type ManagedProcess } from '../server/demo/managedProcess.js';
import { startServerAgainst, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { freePort } from './support/ports.js';

type Json = Record<string, unknown>;
type Reply = { type: string; text?: string; attachments?: { contentType?: string; content?: unknown }[] };

const repoRoot = new URL('..', import.meta.url).pathname;
// Azurite's well-known development account key (public, documented; not a secret).
const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulator({ throttle: false });
}, 60_000);
afterAll(async () => {
  await emulator?.close();
});

let counter = 0;
function question(userId: string, text: string): Json {
  counter++;
  const user = emulator.tenant!.users.find((u) => u.id === userId)!;
  return {
    type: 'message',
    id: `fault-${counter}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: emulator.now().toISOString(),
    from: { id: `29:${userId}`, name: user.displayName, aadObjectId: userId },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: emulator.tenantId },
    channelData: { tenant: { id: emulator.tenantId } },
    locale: 'en-US',
    text,
    deliveryMode: 'expectReplies',
  };
}

/**
 * One POST on a fresh connection: while SQLite waits out its busy_timeout the event loop is blocked,
 * so a reused keep-alive socket can be closed by the server just as the next request is written.
 */
function post(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function healthStatus(sut: ServerUnderTest): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${sut.running.url}/healthz`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

async function ask(sut: ServerUnderTest, activity: Json): Promise<{ status: number; text: string }> {
  const response = await post(`${sut.running.url}/api/messages`, JSON.stringify(activity));
  const body = ((): { activities?: Reply[] } => {
    try {
      return JSON.parse(response.text) as { activities?: Reply[] };
    } catch {
      return {};
    }
  })();
  const replies = (body.activities ?? []).filter((a) => a.type === 'message');
  return { status: response.status, text: replies.map((r) => visibleText(r)).join('\n') };
}

/** A real answer names a verdict; the apology and the still-working notice do not. */
const ANSWERED = /dropped|poor|good|no calls|haven't had|haven’t had/i;
const LIBRARY_TEXT = /SQLITE_|database is locked|RestError|ECONNREFUSED|at \w+ \(|TypeError/;

function assertFriendly(answer: { status: number; text: string }): void {
  expect(answer.status).toBe(200);
  expect(answer.text.length, 'a reply the user can read').toBeGreaterThan(20);
  expect(answer.text).not.toMatch(LIBRARY_TEXT);
}

describe('faults: SQLite locked by another connection', () => {
  let sut: ServerUnderTest;
  beforeAll(async () => {
    sut = await startServerAgainst(emulator);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('when a second connection holds an exclusive lock, then the question gets a friendly reply and the server stays up; released, it answers again', { timeout: 120_000 }, async () => {
    const user = emulator.tenant!.demoUserId;
    const before = await ask(sut, question(user, 'why did my last call drop'));
    assertFriendly(before);
    expect(before.text).toMatch(ANSWERED);

    // An exclusive transaction with a write pending: in WAL mode readers go on, every writer waits out busy_timeout and fails.
    const locker = new Database(sut.config.store.kind === 'sqlite' ? sut.config.store.path : '');
    locker.exec('BEGIN EXCLUSIVE');
    locker.exec('CREATE TABLE IF NOT EXISTS hardening_lock (x INTEGER)');
    try {
      const during = await ask(sut, question(user, 'show my last 5 calls'));
      assertFriendly(during);
      expect(await healthStatus(sut)).toBe(200);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }

    const after = await ask(sut, question(user, 'why did my last call drop'));
    assertFriendly(after);
    expect(after.text).toMatch(ANSWERED);
    expect(sut.logText()).not.toMatch(/"level":60/);
  });
});

describe('faults: Azurite stopped and started again (STORE=azure)', () => {
  let azurite: ManagedProcess | undefined;
  let port: number;
  let dataDir: string;
  let sut: ServerUnderTest;

  const startAzurite = async (): Promise<void> => {
    azurite = startProcess({
      name: 'Azurite',
      command: `${repoRoot}node_modules/.bin/azurite-table`,
      // On disk, so the tables survive the restart as they would in Azure.
      args: ['--location', dataDir, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--skipApiVersionCheck', '--disableTelemetry'],
      cwd: repoRoot,
      env: childEnvironment({}),
    });
    await azurite.waitForLine(/successfully started/, 30_000);
  };

  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'call-doctor-azurite-'));
    await startAzurite();
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
    sut = await startServerAgainst(emulator, { STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: connectionString });
  }, 60_000);
  afterAll(async () => {
    await sut?.close();
    await azurite?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when Azurite is down, then the question gets a friendly reply and the server stays up; once it is back, the bot answers again', { timeout: 180_000 }, async () => {
    const tenant = emulator.tenant!;
    const user = tenant.users[1]!.id;
    const before = await ask(sut, question(user, 'why did my last call drop'));
    assertFriendly(before);
    expect(before.text).toMatch(ANSWERED);

    // Azurite saves its tables to disk a few seconds after a change (LokiJS autosave), and a stop
    // loses what it has not saved; Azure Storage keeps them. Give it that time so the restart has its tables.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await azurite!.stop();
    const during = await ask(sut, question(user, 'show my last 5 calls'));
    assertFriendly(during);
    expect(await healthStatus(sut)).toBe(200);

    await startAzurite();
    const after = await ask(sut, question(user, 'why did my last call drop'));
    assertFriendly(after);
    expect(after.text).toMatch(ANSWERED);
  });
});
