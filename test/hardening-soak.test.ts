// Issue 16, load: a bounded soak on loopback: concurrent bot turns and tab API reads against the
// composed server over the in-process Graph emulator. Every answer is a 200 and the server stays
// healthy; the heap after the soak (after a forced GC) has not grown beyond a tolerance over the
// heap after warm-up. p95 latencies are printed, never asserted (a shared CI machine decides them).
// `npm test` runs 20 seconds; `npm run soak` runs the 2-minute version (vitest --mode soak).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type AppConfig } from '../server/config/index.js';
import { composeServer, type ComposedServer } from '../server/compose.js';
import type { RunningServer } from '../server/http/index.js';
import { createLogger } from '../server/logging/index.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { seededRandom } from './support/seededRandom.js';

type Json = Record<string, unknown>;

declare module 'vitest' {
  export interface ProvidedContext {
    /** 20 in npm test, 120 with --mode soak (vitest.config.ts). */
    soakSeconds: number;
  }
}

const SOAK_MS = (inject('soakSeconds') ?? 20) * 1000;
const WARM_UP_MS = 5_000;
const BOT_WORKERS = 4;
const TAB_WORKERS = 4;
/** Heap may grow by this much over the warmed-up heap (caches fill, JIT settles) and no more. */
const HEAP_TOLERANCE_BYTES = 40 * 1024 * 1024;
const HEAP_TOLERANCE_RATIO = 0.5;

const QUESTIONS = ['why did my last call drop', 'poor calls this week', 'show my last 5 calls', 'why are my calls always bad', 'help', 'how was my last call'];

let emulator: EmulatorHandle;
let server: ComposedServer;
let running: RunningServer;
let audience: string;
let dir: string;
/** Only warnings and errors are kept: a soak's info lines held in memory would read as a leak. */
const problems: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ throttle: false });
  dir = mkdtempSync(join(tmpdir(), 'call-doctor-soak-'));
  const base = loadConfig({ SQLITE_PATH: join(dir, 'store.sqlite'), LOG_LEVEL: 'info' }, []);
  const config: AppConfig = {
    ...base,
    graph: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl },
  };
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString('utf8');
      if (/"level":(50|60)/.test(line)) problems.push(line.slice(0, 500));
      done();
    },
  });
  server = composeServer(config, { logger: createLogger({ level: 'warn', destination }), typingIndicator: false, now: () => emulator.now() });
  running = await server.listen(0, '127.0.0.1');
  audience = config.tab!.appIdUri;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A forced full GC: the worker has no --expose-gc, so the flag is set now and gc taken from a fresh context. */
function forcedGcHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function p95(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

interface Tally {
  readonly bot: number[];
  readonly tab: number[];
  /** Tab latencies per route, for the report. */
  readonly byRoute: Map<string, number[]>;
  readonly failures: string[];
}

async function run(untilMs: number, tally: Tally, seed: number): Promise<void> {
  const tenant = emulator.tenant!;
  const users = tenant.users.slice(0, 16);
  const tokens = new Map<string, string>();
  const tokenFor = async (id: string): Promise<string> => tokens.get(id) ?? (tokens.set(id, await emulator.userToken(id, { audience })), tokens.get(id)!);
  const base = running.url;
  let n = 0;

  const botWorker = async (w: number): Promise<void> => {
    const r = seededRandom(seed * 100 + w);
    while (Date.now() < untilMs && tally.failures.length < 5) {
      const user = r.pick(users);
      const activity: Json = {
        type: 'message',
        id: `soak-${seed}-${w}-${n++}`,
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        timestamp: emulator.now().toISOString(),
        from: { id: `29:${user.id}`, name: user.displayName, aadObjectId: user.id },
        recipient: { id: '28:call-doctor', name: 'Call Doctor' },
        conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: emulator.tenantId },
        channelData: { tenant: { id: emulator.tenantId } },
        locale: 'en-US',
        text: r.pick(QUESTIONS),
        deliveryMode: 'expectReplies',
      };
      const started = performance.now();
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const body = (await res.json()) as { activities?: Json[] };
      tally.bot.push(performance.now() - started);
      if (res.status !== 200 || !(body.activities ?? []).some((a) => a.type === 'message')) tally.failures.push(`bot ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
    }
  };

  const tabWorker = async (w: number): Promise<void> => {
    const r = seededRandom(seed * 1000 + w);
    while (Date.now() < untilMs && tally.failures.length < 5) {
      const user = r.pick(users);
      const path = r.pick(['/api/me', '/api/calls?limit=20', '/api/calls?verdict=poor&limit=10', '/api/me/quality', '/api/calls/detail']);
      let url = path;
      if (path === '/api/calls/detail') {
        const own = tenant.records.find((rec) => JSON.stringify(rec.participants_v2 ?? []).includes(user.id) && Date.parse(String(rec.endDateTime)) <= emulator.now().getTime());
        url = own ? `/api/calls/${String(own.id)}` : '/api/me';
      }
      const started = performance.now();
      const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${await tokenFor(user.id)}` } });
      await res.arrayBuffer();
      const took = performance.now() - started;
      tally.tab.push(took);
      tally.byRoute.set(path, [...(tally.byRoute.get(path) ?? []), took]);
      if (res.status !== 200) tally.failures.push(`tab ${url} ${res.status}`);
    }
  };

  await Promise.all([...Array.from({ length: BOT_WORKERS }, (_, w) => botWorker(w)), ...Array.from({ length: TAB_WORKERS }, (_, w) => tabWorker(w))]);
  // The emulator's own request log is test equipment, not the server's memory.
  emulator.clearRequests();
}

describe('soak: concurrent bot turns and tab API reads', () => {
  it(`when ${BOT_WORKERS} bot and ${TAB_WORKERS} tab clients run for ${SOAK_MS / 1000} s, then every answer is a 200 and the heap stays within tolerance`, { timeout: SOAK_MS + 120_000 }, async () => {
    const warm: Tally = { bot: [], tab: [], byRoute: new Map(), failures: [] };
    await run(Date.now() + WARM_UP_MS, warm, 1);
    const before = forcedGcHeap();

    const soak: Tally = { bot: [], tab: [], byRoute: new Map(), failures: [] };
    await run(Date.now() + SOAK_MS, soak, 2);
    const after = forcedGcHeap();

    const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
    console.info(
      `soak ${SOAK_MS / 1000} s: ${soak.bot.length} bot turns (p95 ${p95(soak.bot).toFixed(0)} ms), ${soak.tab.length} tab reads (p95 ${p95(soak.tab).toFixed(0)} ms); heap after GC ${mb(before)} MB before, ${mb(after)} MB after; tab p95 by route: ${[...soak.byRoute].map(([route, ms]) => `${route} ${p95(ms).toFixed(0)} ms (${ms.length})`).join(', ')}`,
    );
    expect([...warm.failures, ...soak.failures]).toEqual([]);
    expect(soak.bot.length).toBeGreaterThan(BOT_WORKERS);
    expect(soak.tab.length).toBeGreaterThan(TAB_WORKERS);
    expect(after).toBeLessThan(before * (1 + HEAP_TOLERANCE_RATIO) + HEAP_TOLERANCE_BYTES);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(problems).toEqual([]);
  });
});
