// The alert pipeline under a burst: the emulator creates 2,000 new call records at once and sends
// Graph's change notifications to the real server (webhook, SQLite queue, worker, graph/'s budget,
// diagnosis, alert decisions). Measured until every record has been fetched, diagnosed and its
// decision stored, against the least time Graph's per-app-per-tenant limit allows for those GETs.
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { ROLE_CALL_RECORDS, startEmulatorServer } from '../emulator/index.js';
import { GRAPH_LIMITS } from '../graph/index.js';
import { freePort } from '../test/support/ports.js';
import { startBenchServer } from './support/benchServer.js';
import type { BenchOptions, Figures } from './support/registry.js';
import { runInTrustingChild, whenChild } from './support/trustedChild.js';

export const name = 'ingest: 2,000 new records at once, notified, fetched, diagnosed and decided, against Graph\'s floor';
export const key = 'ingest';

interface Input {
  readonly records: number;
  readonly timeoutMs: number;
}

type Json = Record<string, unknown>;
const WINDOW_MS = 20_000;

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<Figures> {
  const input: Input = options.quick ? { records: 50, timeoutMs: 120_000 } : { records: 2_000, timeoutMs: 600_000 };
  return runInTrustingChild<Figures>(import.meta.url, input, log);
}

/** The most requests any 20-second window held. */
function peakPerWindow(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= WINDOW_MS) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

async function measure(tls: Parameters<Parameters<typeof whenChild>[0]>[0], input: Input, log: (line: string) => void): Promise<Figures> {
  const emulator = await startEmulatorServer({ tls, seed: 42, throttle: true });
  const port = await freePort();
  const sut = await startBenchServer(emulator, { ALERTS_CLIENT_STATE: 'bench-ingest', PUBLIC_URL: `http://127.0.0.1:${port}` }, { port, alerts: true });
  try {
    const token = await emulator.appToken([ROLE_CALL_RECORDS]);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const listed = (await (await fetch(`${emulator.baseUrl}/v1.0/subscriptions`, { headers: { authorization: `Bearer ${token}` } })).json()) as { value?: unknown[] };
      if ((listed.value ?? []).length > 0) break;
      if (Date.now() > deadline) throw new Error('the server made no subscription within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // New records shaped like the tenant's own 1:1 calls, each with a fresh id.
    const templates = (emulator.tenant!.records as unknown as Json[]).filter((r) => r.type === 'peerToPeer');
    const ids: string[] = [];
    emulator.clearRequests();
    const started = performance.now();
    for (let i = 0; i < input.records; i++) {
      const id = randomUUID();
      ids.push(id);
      emulator.addRecord({ ...structuredClone(templates[i % templates.length]!), id, version: 1 });
    }
    const processed = sut.server.store.alerts!.processed;
    let pending = [...ids];
    while (pending.length > 0 && performance.now() - started < input.timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const done = await Promise.all(pending.map((id) => processed.get(emulator.tenantId, id)));
      pending = pending.filter((_, i) => done[i] === undefined);
    }
    const seconds = (performance.now() - started) / 1000;
    const requests = emulator.requests().filter((r) => ids.some((id) => r.path.includes(id)));
    const gets = requests.filter((r) => r.method === 'GET');
    const throttled = emulator.requests().filter((r) => r.status === 429).length;
    const perRecord = gets.length / input.records;
    const rate = GRAPH_LIMITS.callRecords.limit / (GRAPH_LIMITS.callRecords.windowMs / 1000);
    const floorSeconds = (input.records * perRecord) / rate;
    const at = (r: (typeof requests)[number]) => (r as { at?: Date | string | number }).at;
    const times = requests.map((r) => new Date(at(r) ?? 0).getTime()).filter((t) => t > 0);
    const figures: Figures = {
      records: input.records,
      seconds,
      graphRequestsPer20s: peakPerWindow(times),
      getsPerRecord: perRecord,
      throttled,
      lost: pending.length,
      floorSeconds,
      ratioToFloor: seconds / floorSeconds,
      warnings: sut.warnings(),
    };
    log(
      `${input.records} records: all fetched, diagnosed and decided after ${seconds.toFixed(1)} s (${perRecord.toFixed(2)} GETs each; Graph's floor ${floorSeconds.toFixed(1)} s, ratio ${figures.ratioToFloor!.toFixed(2)}); ` +
        `peak ${figures.graphRequestsPer20s} requests per 20 s (limit ${GRAPH_LIMITS.callRecords.limit}), ${throttled} 429s, ${pending.length} lost`,
    );
    return figures;
  } finally {
    await sut.close();
    await emulator.close();
  }
}

whenChild<Input, Figures>(measure);
