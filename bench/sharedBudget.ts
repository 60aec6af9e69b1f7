// Benchmark of #11 item 3: two instances of the app against one throttling emulator, first each
// with a budget of its own, then sharing one Azure Tables ledger (Azurite), doing the same work:
// per instance 60 background backfills of an hour (list pages), 60 people opening different
// calls, and 30 notifications about one hot record in turn. Reports, per Graph bucket, the most
// requests the emulator saw in any 20 s window against the limit, and the 429s (no retries, so
// each is a failed request). The per-app-per-tenant limit is lowered to 150 on both sides (Graph's
// 1,500 / 10) so a short run reaches it. Budgets, ledger and emulator share a manual clock that
// moves to the next timer whenever both instances are idle, so windows pass without waiting.
// Node reads NODE_EXTRA_CA_CERTS only at start-up, so the measuring runs in a child process.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClientSecretCredential } from '@azure/identity';
import { startEmulatorServer, type RunningEmulator } from '../emulator/server.js';
import { ensureCertificate } from '../emulator/tls/certificate.js';
import type { RequestLogEntry } from '../emulator/index.js';
import { createGraphServices, MemoryCallIndex, MemoryCallRecordCache, silentLogger, type BudgetLedger } from '../graph/index.js';
import { AzureBudgetLedger } from '../server/store/azure/budgetLedger.js';
import { AzureTables } from '../server/store/azure/tables.js';
import { startAzurite } from '../test/support/azurite.js';
import { ManualClock } from '../test/support/manualClock.js';

export const name = 'two instances, one budget: requests per 20 s and 429s';

const CHILD_FLAG = '--shared-budget-bench-child';
const HOUR_MS = 60 * 60 * 1000;
const WINDOW_MS = 20_000;
const APP_TENANT_LIMIT = 150;
const COLLECTION = '/v1.0/communications/callRecords';

export async function run(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-bench-tls-'));
  try {
    const tls = await ensureCertificate(dir);
    const lines = await new Promise<string[]>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, dir], { env: { NODE_EXTRA_CA_CERTS: tls.certPath }, execArgv: ['--import', 'tsx'] });
      child.once('message', (message) => resolve(message as string[]));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the measuring process exited with ${code}`))));
    });
    for (const line of lines) log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The most requests in any 20-second window (sliding, so never below Graph's fixed-window count). */
function peakPerWindow(entries: readonly RequestLogEntry[]): number {
  const times = entries.map((e) => e.at.getTime()).sort((a, b) => a - b);
  let peak = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= WINDOW_MS) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

async function twoInstances(emulator: RunningEmulator, clock: ManualClock, ledgers: readonly (BudgetLedger | undefined)[]): Promise<string> {
  const credential = new ClientSecretCredential(emulator.tenantId, emulator.clientId, emulator.clientSecret, { authorityHost: emulator.baseUrl, disableInstanceDiscovery: true });
  const instances = ledgers.map((ledger) =>
    createGraphServices({
      settings: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl },
      logger: silentLogger,
      now: clock.now,
      cache: new MemoryCallRecordCache(),
      index: new MemoryCallIndex(),
      credential,
      budget: { limits: { callRecords: { limit: APP_TENANT_LIMIT, windowMs: WINDOW_MS } }, setTimer: clock.setTimer },
      tuning: { maxRetries: 0, maxInteractiveBudgetWaitMs: 60 * 60_000 },
      ...(ledger && { ledger }),
    }),
  );
  const records = emulator.tenant!.records as unknown as { id: string; sessions: unknown[] }[];
  const small = records.filter((r) => r.sessions.length < 20).map((r) => r.id);
  const hot = small[0]!;
  await instances[0]!.callRecords.getCall(hot); // token warm-up; the hot record is cached in one instance
  emulator.setThrottling(true);
  emulator.requestLog.clear();
  const started = clock.now().getTime();
  const now = started;
  const work = instances.flatMap((graph, n) => [
    ...Array.from({ length: 60 }, (_, i) => graph.feed.backfill({ from: new Date(now - (n * 60 + i + 1) * HOUR_MS), to: new Date(now - (n * 60 + i) * HOUR_MS) })),
    ...small.slice(1 + n * 60, 1 + n * 60 + 60).map((id) => graph.callRecords.getCall(id)),
    (async () => {
      for (let i = 0; i < 30; i++) await graph.feed.recordNotified(hot).catch(() => undefined);
    })(),
  ]);
  const idle = () => instances.every((graph) => graph.budgetSnapshot().inFlight === 0 && graph.budgetSnapshot().reserving === 0);
  const settled = await clock.drive(Promise.allSettled(work), idle);
  await emulator.settle();
  const all = emulator.requestLog.all().filter((r) => r.path.startsWith(COLLECTION));
  const lists = all.filter((r) => r.path === COLLECTION);
  const hotOnes = all.filter((r) => r.path.startsWith(`${COLLECTION}/${hot}`));
  const failed = settled.filter((s) => s.status === 'rejected').length;
  const throttled = all.filter((r) => r.status === 429).length;
  const seconds = Math.round((clock.now().getTime() - started) / 1000);
  return `${all.length} requests in ${seconds} s of Graph time; peak per 20 s: list ${peakPerWindow(lists)}/40, per app per tenant ${peakPerWindow(all)}/${APP_TENANT_LIMIT}, hot record ${peakPerWindow(hotOnes)}/40; 429s ${throttled}; failed calls ${failed}`;
}

async function measureInChild(tlsDir: string): Promise<string[]> {
  const tls = await ensureCertificate(tlsDir);
  const clock = new ManualClock(new Date());
  const [emulator, azurite] = await Promise.all([startEmulatorServer({ tls, seed: 42, throttle: true, clock: clock.now, throttleLimits: { 'callRecords.perAppPerTenant': APP_TENANT_LIMIT } }), startAzurite()]);
  try {
    const local = await twoInstances(emulator, clock, [undefined, undefined]);
    const tables = new AzureTables(azurite.connectionString, 'benchx');
    const shared = await twoInstances(emulator, clock, [new AzureBudgetLedger(tables), new AzureBudgetLedger(new AzureTables(azurite.connectionString, 'benchx'))]);
    return [`each its own budget: ${local}`, `one shared ledger (Azure Tables on Azurite): ${shared}`];
  } finally {
    await Promise.all([emulator.close(), azurite.stop()]);
  }
}

if (process.argv[2] === CHILD_FLAG) {
  measureInChild(process.argv[3]!).then(
    (lines) => process.send!(lines, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
