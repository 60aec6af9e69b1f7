// Issue #12's burst: 2,000 change notifications posted to the webhook (as Graph would, many at
// once) are each answered 202, and the worker drains them through graph/'s budget with no 429 from
// the emulator. The server runs as its own process (as deployed), so the emulator and this client
// do not share its event loop. Times are measured and printed (and written to reports/), never asserted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, type AppConfig } from '../server/config/index.js';
import { startServerProcess, type ServerProcess } from '../server/demo/serverProcess.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { freePort } from './support/ports.js';
import { repoRoot } from './support/reference.js';

const CLIENT_STATE = 'burst-client-state';
const NOTIFICATIONS = 2_000;
const CONCURRENCY = 64;

let emulator: EmulatorHandle;
let server: ServerProcess | undefined;
let dir: string;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'call-doctor-burst-'));
  emulator = await startEmulator({ seed: 42 });
  port = await freePort();
  const base = loadConfig({ SQLITE_PATH: join(dir, 'store.sqlite'), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ALERTS_CLIENT_STATE: CLIENT_STATE, LOG_LEVEL: 'warn' }, []);
  const config: AppConfig = { ...base, graph: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl } };
  server = await startServerProcess(config, join(inject('emulatorTlsDir'), 'emulator-cert.pem'), { timeoutMs: 90_000, execArgv: ['--import', 'tsx'] });
}, 120_000);

afterAll(async () => {
  await server?.stop(5_000);
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe('alert webhook burst', () => {
  it('when 2,000 notifications arrive at once, then every one is answered 202 and the worker drains them with no 429', async () => {
    const now = emulator.now().getTime();
    const ids = emulator.tenant!.records.filter((r) => now - Date.parse(String(r.startDateTime)) < 29 * 86_400_000).map((r) => String(r.id));
    const bodies = Array.from({ length: NOTIFICATIONS }, (_, i) => ({
      value: [{ subscriptionId: 'burst', clientState: CLIENT_STATE, changeType: i % 2 === 0 ? 'created' : 'updated', resource: `communications/callRecords/${ids[Math.floor(i / 2) % ids.length]!}`, tenantId: emulator.tenantId }],
    }));
    const acks: number[] = [];
    const statuses = new Map<number, number>();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const t0 = performance.now();
          const response = await fetch(`http://127.0.0.1:${port}/api/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          await response.arrayBuffer();
          acks.push(performance.now() - t0);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }),
    );
    const posted = performance.now() - started;
    expect(Object.fromEntries(statuses)).toEqual({ 202: NOTIFICATIONS });

    const db = new BetterSqlite3(join(dir, 'store.sqlite'), { readonly: true, fileMustExist: true });
    const remaining = () => db.prepare('SELECT COUNT(*) FROM alert_queue').pluck().get() as number;
    const drainStart = performance.now();
    while (remaining() > 0) {
      if (performance.now() - drainStart > 280_000) throw new Error(`${remaining()} messages still queued after 280 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const drained = performance.now() - started;
    const poisoned = db.prepare('SELECT COUNT(*) FROM alert_poison').pluck().get() as number;
    db.close();
    const graphRequests = emulator.requests().filter((r) => r.path.includes('/communications/callRecords'));
    const throttled = graphRequests.filter((r) => r.status === 429).length;
    expect(throttled).toBe(0);
    expect(poisoned).toBe(0);

    const sorted = [...acks].sort((a, b) => a - b);
    const figures = {
      notifications: NOTIFICATIONS,
      distinctRecords: Math.min(ids.length, NOTIFICATIONS / 2),
      concurrency: CONCURRENCY,
      ackMs: { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1)!) },
      allAnsweredMs: Math.round(posted),
      drainedMs: Math.round(drained),
      graphRequests: graphRequests.length,
      graph429: throttled,
      poisoned,
    };
    console.log(`alert burst: ${JSON.stringify(figures)}`);
    mkdirSync(join(repoRoot, 'reports'), { recursive: true });
    writeFileSync(join(repoRoot, 'reports', 'alerts-burst.json'), `${JSON.stringify(figures, null, 2)}\n`);
  }, 330_000);
});
