// Issue #12's "done when", end to end: the real server process (SQLite store) and the Graph
// emulator. A poor call of a user who installed the bot produces exactly one alert card through a
// loopback Bot Connector: with the notification delivered twice, with a new version of the record,
// with the server SIGKILLed after enqueuing (and, separately, after fetching) and restarted.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { teamsActivity } from '../bot/testing/activities.js';
import { cardOf, visibleText } from '../bot/testing/cardReading.js';
import { loadConfig, type AppConfig } from '../server/config/index.js';
import { startServerProcess, type ServerProcess } from '../server/demo/serverProcess.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { freePort } from './support/ports.js';

type Json = Record<string, unknown>;
const CLIENT_STATE = 'alerts-e2e-client-state';

/** A Bot Connector on loopback: records activity POSTs; can be told to refuse them (503) for a while. */
async function startConnector() {
  const received: Json[] = [];
  let refused = 0;
  let failing = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !/\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) return void res.writeHead(404).end();
      if (failing) {
        refused += 1;
        return void res.writeHead(503).end();
      }
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${received.length}` }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    refused: () => refused,
    fail: (on: boolean) => void (failing = on),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let emulator: EmulatorHandle;
let connector: Awaited<ReturnType<typeof startConnector>>;
let dir: string;
let config: AppConfig;
let server: ServerProcess | undefined;
let userId: string;
let poorTemplate: Json;

const sqlite = () => new BetterSqlite3(join(dir, 'store.sqlite'), { readonly: true, fileMustExist: true });
const queued = (callId: string): number => {
  const db = sqlite();
  try {
    return (db.prepare('SELECT COUNT(*) FROM alert_queue WHERE call_id = ?').pluck().get(callId) as number);
  } finally {
    db.close();
  }
};
const processedVersion = (callId: string): number | undefined => {
  const db = sqlite();
  try {
    return db.prepare('SELECT version FROM alert_processed WHERE row_key = ?').pluck().get(callId) as number | undefined;
  } finally {
    db.close();
  }
};
const alertsFor = (callId: string): Json[] => connector.received.filter((a) => JSON.stringify(cardOf(a as never) ?? {}).includes(callId));

async function startServer(): Promise<ServerProcess> {
  server = await startServerProcess(config, join(inject('emulatorTlsDir'), 'emulator-cert.pem'), { timeoutMs: 90_000, execArgv: ['--import', 'tsx'] });
  return server;
}

/** A fresh poor call of the user, ended 20 minutes ago: the generated tenant's poor call with a new id. */
function newPoorCall(): Json {
  const id = randomUUID();
  const end = Date.parse(String(poorTemplate.endDateTime));
  const shift = emulator.now().getTime() - 20 * 60_000 - end;
  const moved = JSON.stringify(poorTemplate)
    .replaceAll(String(poorTemplate.id), id)
    .replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g, (_m, iso: string) => JSON.stringify(new Date(Date.parse(iso) + shift).toISOString()));
  return JSON.parse(moved) as Json;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'call-doctor-alerts-e2e-'));
  emulator = await startEmulator({ seed: 42, notificationTiming: { redeliveryDelaysMs: [500, 1_000, 2_000, 4_000, 8_000] } });
  connector = await startConnector();
  const truth = emulator.groundTruth.find((t) => t.verdict === 'poor' && !t.ambiguous && t.scenario === 'wifi-weak-signal') ?? emulator.groundTruth.find((t) => t.verdict === 'poor' && !t.ambiguous)!;
  userId = truth.userId;
  poorTemplate = emulator.tenant!.records.find((r) => r.id === truth.callId)! as Json;
  const port = await freePort();
  const base = loadConfig({ SQLITE_PATH: join(dir, 'store.sqlite'), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ALERTS_CLIENT_STATE: CLIENT_STATE, ALERTS_LEASE_SECONDS: '2', LOG_LEVEL: 'warn' }, []);
  config = { ...base, graph: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl } };
  await startServer();

  // The user installs the bot: Teams sends installationUpdate; the reference is stored, the welcome goes to the connector.
  const install = {
    ...teamsActivity('installationUpdate', { from: { id: userId, name: 'Alert User' } }),
    action: 'add',
    id: 'install-1',
    serviceUrl: connector.serviceUrl,
    conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: emulator.tenantId, isGroup: false, name: '' },
    channelData: { tenant: { id: emulator.tenantId } },
  };
  const answer = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(install) });
  expect(answer.status).toBeLessThan(300);
  await until('the welcome card', () => connector.received.length >= 1);
  await until('the subscription', () => emulator.requests().some((r) => r.method === 'POST' && r.path.endsWith('/subscriptions') && r.status === 201));
}, 180_000);

afterAll(async () => {
  await server?.stop(5_000);
  await connector?.close();
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('proactive alerts end to end', () => {
  it('when a poor call arrives, is notified twice and then revised, then exactly one alert card reaches the user', async () => {
    const call = newPoorCall();
    await emulator.addRecord(call);
    const [card] = await until('the alert card', () => (alertsFor(String(call.id)).length > 0 ? alertsFor(String(call.id)) : undefined));
    const text = visibleText(card as never);
    expect(text).toMatch(/did not go well/);
    expect(text).toMatch(/Most likely cause/);
    const titles = JSON.stringify((cardOf(card as never) as Json).actions);
    expect(titles).toContain('Show segments');
    expect(titles).toContain('Not helpful');
    expect(titles).toContain('Stop these alerts');
    expect((card as Json).conversation).toMatchObject({ id: `a:personal-${userId}` });

    // Graph's redelivery of the same notification, and a new version of the record.
    const duplicate = { value: [{ subscriptionId: 'replayed', clientState: CLIENT_STATE, changeType: 'updated', resource: `communications/callRecords/${String(call.id)}`, tenantId: emulator.tenantId }] };
    expect((await fetch(`http://127.0.0.1:${config.port}/api/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(duplicate) })).status).toBe(202);
    await emulator.addRecord({ ...call, version: Number(call.version ?? 1) + 1 });
    await until('version 2 processed', () => (processedVersion(String(call.id)) ?? 0) >= 2 && queued(String(call.id)) === 0);
    await emulator.settle();
    expect(alertsFor(String(call.id))).toHaveLength(1);
  }, 120_000);

  it('when the server is SIGKILLed after enqueuing and restarted, then the alert still arrives, once', async () => {
    const call = newPoorCall();
    // The record's fetch hangs, so the work is queued but not done when the process dies.
    emulator.injectFaults({ latencyMs: 30_000, pathIncludes: String(call.id) });
    await emulator.addRecord(call);
    await until('the notification queued', () => queued(String(call.id)) > 0);
    await server!.kill();
    emulator.clearFaults();
    await startServer();
    await until('the alert after restart', () => alertsFor(String(call.id)).length > 0 || undefined, 90_000);
    await until('the work done', () => queued(String(call.id)) === 0);
    expect(alertsFor(String(call.id))).toHaveLength(1);
  }, 180_000);

  it('when the server is SIGKILLed after fetching the record (the send had failed) and restarted, then the alert arrives once', async () => {
    const call = newPoorCall();
    connector.fail(true);
    const refusedBefore = connector.refused();
    await emulator.addRecord(call);
    await until('a refused send', () => connector.refused() > refusedBefore);
    await until('the cached record', () => queued(String(call.id)) > 0);
    await server!.kill();
    connector.fail(false);
    await startServer();
    await until('the alert after restart', () => alertsFor(String(call.id)).length > 0 || undefined, 90_000);
    await until('the work done', () => queued(String(call.id)) === 0);
    expect(alertsFor(String(call.id))).toHaveLength(1);
  }, 180_000);
});
