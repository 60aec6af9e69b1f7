// "Why did my last call drop?" asked by 200 people within 10 s, through the real bot (HTTP to
// /api/messages with expectReplies) over the emulator with Graph's throttling on and 80 ms of
// latency per Graph request. The index is in its steady state: the alert pipeline has ingested
// the tenant's records and said the index is complete. In the same run, the naive strategy a plain
// sample bot uses (list by participant, then get, for every question; no index, no budget).
import { performance } from 'node:perf_hooks';
import { ClientSecretCredential } from '@azure/identity';
import { ROLE_CALL_RECORDS, startEmulatorServer, type RunningEmulator } from '../emulator/index.js';
import { createGraphServices, silentLogger } from '../graph/index.js';
import { startBenchServer, personalMessage } from './support/benchServer.js';
import { percentile, type BenchOptions, type Figures } from './support/registry.js';
import { runInTrustingChild, whenChild } from './support/trustedChild.js';

export const name = 'lastCall: 200 people ask "why did my last call drop?" within 10 s (throttling on, 80 ms per Graph request), against the naive list-then-get bot';
export const key = 'lastCall';

interface Input {
  readonly askers: number;
  readonly windowMs: number;
  readonly latencyMs: number;
  readonly quick: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<Figures> {
  const input: Input = options.quick ? { askers: 20, windowMs: 1_000, latencyMs: 80, quick: true } : { askers: 200, windowMs: 10_000, latencyMs: 80, quick: false };
  return runInTrustingChild<Figures>(import.meta.url, input, log);
}

type Json = Record<string, unknown>;

function participantIdsOf(record: Json): string[] {
  const participants = (record.participants_v2 as Json[] | undefined) ?? [];
  return participants.map((p) => ((p.identity as Json | undefined)?.user as Json | undefined)?.id).filter((id): id is string => typeof id === 'string');
}

/** People who took part in at least one call (so every asker has a last call): the busiest, or for a quick run the quietest. */
function askersOf(emulator: RunningEmulator, count: number, quietest: boolean): string[] {
  const calls = new Map<string, number>();
  for (const record of emulator.tenant!.records as unknown as Json[]) for (const id of participantIdsOf(record)) calls.set(id, (calls.get(id) ?? 0) + 1);
  const ids = [...calls.entries()].sort((a, b) => (quietest ? a[1] - b[1] : b[1] - a[1])).map(([id]) => id);
  if (ids.length < count) throw new Error(`the generated tenant has ${ids.length} people with calls; the benchmark needs ${count}`);
  return ids.slice(0, count);
}

/** Starts `count` jobs spread evenly over `windowMs`, and resolves with each one's duration. */
async function spread<T>(count: number, windowMs: number, job: (i: number) => Promise<T>): Promise<{ ms: number; value: T }[]> {
  const started = performance.now();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const due = started + (windowMs * i) / count;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t0 = performance.now();
      const value = await job(i);
      return { ms: performance.now() - t0, value };
    }),
  );
}

async function measure(tls: Parameters<Parameters<typeof whenChild>[0]>[0], input: Input, log: (line: string) => void): Promise<Figures> {
  const emulator = await startEmulatorServer({ tls, seed: 42, throttle: true });
  const sut = await startBenchServer(emulator);
  try {
    const settings = { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret' as const, clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl };
    const credential = new ClientSecretCredential(emulator.tenantId, emulator.clientId, emulator.clientSecret, { authorityHost: emulator.baseUrl, disableInstanceDiscovery: true });
    // Steady state, as the alert pipeline leaves it: every record fetched once, the index complete.
    // The warm-up is not measured: Graph's limits, which would spread it over a minute, are off for it.
    emulator.setThrottling(false);
    const unlimited = { limit: 1e9, windowMs: 20_000 };
    const { feed } = createGraphServices({
      settings,
      credential,
      logger: silentLogger,
      now: () => emulator.now(),
      cache: sut.server.store.graph.cache,
      index: sut.server.store.graph.index,
      budget: { limits: { callRecords: unlimited, callRecord: unlimited, listCallRecords: unlimited } },
    });
    const now = emulator.now();
    const askers = askersOf(emulator, input.askers, input.quick);
    const asking = new Set(askers);
    // A quick run (the test suite's) ingests only the askers' calls: it proves the harness, not the figures.
    const records = (emulator.tenant!.records as unknown as Json[]).filter(
      (r) => Date.parse(String(r.startDateTime)) > now.getTime() - 30 * DAY_MS && (!input.quick || participantIdsOf(r).some((id) => asking.has(id))),
    );
    // A few at a time, as the worker drains its queue (hundreds of parallel connections would only measure the sockets).
    for (let i = 0; i < records.length; i += 16) await Promise.all(records.slice(i, i + 16).map((r) => feed.recordNotified(String(r.id))));
    await feed.indexComplete({ since: new Date(now.getTime() - 30 * DAY_MS), listedAt: emulator.now() });
    log(`steady state: ${records.length} records ingested through graph/'s feed, index complete`);

    emulator.setThrottling(false);
    emulator.setThrottling(true); // fresh windows for the measured part
    emulator.injectFaults({ latencyMs: input.latencyMs, every: 1 });
    const token = await emulator.appToken([ROLE_CALL_RECORDS]);
    const graphGet = (url: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

    // One Graph request at this latency, measured, so p95 can be read in round trips.
    const probeUrl = `${emulator.baseUrl}/v1.0/communications/callRecords/${String(records[0]!.id)}?$select=id,version`;
    await graphGet(probeUrl);
    const trips: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await (await graphGet(probeUrl)).arrayBuffer();
      trips.push(performance.now() - t0);
    }
    const roundTripMs = percentile(trips, 0.5);
    emulator.clearRequests();

    const answers = await spread(askers.length, input.windowMs, async (i) => {
      const activity = personalMessage({ userId: askers[i]!, tenantId: emulator.tenantId, serviceUrl: 'http://127.0.0.1:9/', text: 'why did my last call drop?', id: `bench-${i}`, now: emulator.now() });
      const response = await fetch(`${sut.running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const body = (await response.json()) as { activities?: { text?: string; attachments?: unknown[] }[] };
      const text = JSON.stringify(body.activities ?? []);
      return { ok: response.status === 200 && (body.activities ?? []).length > 0, busy: /Microsoft Graph is busy|try again in/i.test(text) };
    });
    const graphRequests = emulator.requests().length;
    const latencies = answers.map((a) => a.ms);
    const p95Ms = percentile(latencies, 0.95);
    const throttledSeenByUsers = answers.filter((a) => a.value.busy || !a.value.ok).length;

    // The naive bot: for every question, list the asker's calls (every page), then get the newest.
    emulator.setThrottling(false);
    emulator.setThrottling(true);
    emulator.clearRequests();
    const since = new Date(emulator.now().getTime() - 30 * DAY_MS);
    const naive = await spread(askers.length, input.windowMs, async (i) => {
      let throttled = false;
      const get = async (url: string): Promise<Json | undefined> => {
        const response = await graphGet(url);
        if (response.status === 429) throttled = true;
        if (!response.ok) return undefined;
        return (await response.json()) as Json;
      };
      const filter = encodeURIComponent(`participants_v2/any(p:p/id eq '${askers[i]!}')`);
      let url: string | undefined = `${emulator.baseUrl}/v1.0/communications/callRecords?$filter=${filter}`;
      const calls: Json[] = [];
      while (url && !throttled) {
        const page = await get(url);
        if (!page) break;
        calls.push(...((page.value as Json[]) ?? []));
        url = page['@odata.nextLink'] as string | undefined;
      }
      const newest = calls.filter((c) => Date.parse(String(c.startDateTime)) >= since.getTime()).sort((a, b) => String(b.startDateTime).localeCompare(String(a.startDateTime)))[0];
      if (newest && !throttled) await get(`${emulator.baseUrl}/v1.0/communications/callRecords/${String(newest.id)}?$expand=sessions($expand=segments)`);
      return { throttled };
    });
    const naiveRequests = emulator.requests().length;
    const naiveP95Ms = percentile(naive.map((n) => n.ms), 0.95);
    const naiveThrottled = naive.filter((n) => n.value.throttled).length;

    const figures: Figures = {
      askers: askers.length,
      p50Ms: percentile(latencies, 0.5),
      p95Ms,
      roundTripMs,
      p95InRoundTrips: p95Ms / roundTripMs,
      graphRequestsPerAnswer: graphRequests / askers.length,
      throttledSeenByUsers,
      naiveP95Ms,
      naiveThrottled,
      naiveGraphRequestsPerAnswer: naiveRequests / askers.length,
      naiveOverOursP95: naiveP95Ms / p95Ms,
    };
    log(
      `Call Doctor: p50 ${figures.p50Ms!.toFixed(0)} ms, p95 ${p95Ms.toFixed(0)} ms (${figures.p95InRoundTrips!.toFixed(2)} round trips of ${roundTripMs.toFixed(0)} ms), ` +
        `${figures.graphRequestsPerAnswer!.toFixed(2)} Graph requests per answer, ${throttledSeenByUsers} answers said Graph was busy`,
    );
    log(`naive list-then-get: p95 ${naiveP95Ms.toFixed(0)} ms, ${naiveThrottled} of ${askers.length} throttled, ${figures.naiveGraphRequestsPerAnswer!.toFixed(2)} requests per answer; ours is ${figures.naiveOverOursP95!.toFixed(1)}x faster at p95`);
    return figures;
  } finally {
    await sut.close();
    await emulator.close();
  }
}

whenChild<Input, Figures>(measure);
