// The server's footprint once the index holds a month of a 5,000-person tenant: 100,000 records
// ingested through graph/'s real feed (each record fetched once, cached and filed under every
// participant) into the SQLite store, in a fresh process so its RSS is the store's and graph/'s.
// Graph itself is a fetch answering from memory: this measures Call Doctor, not the network.
import { statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { createGraphServices, silentLogger } from '../graph/index.js';
import { createSqliteStore } from '../server/store/sqlite/createSqliteStore.js';
import type { BenchOptions, Figures } from './support/registry.js';
import { runInTrustingChild, whenChild } from './support/trustedChild.js';

export const name = 'footprint: RSS and SQLite size after indexing a month of a 5,000-person tenant';
export const key = 'footprint';
// About ten minutes a run at full size: once is enough, the figures are sizes more than times.
export const repeats = 1;

interface Input {
  readonly records: number;
  readonly users: number;
}

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<Figures> {
  const input: Input = options.quick ? { records: 2_000, users: 500 } : { records: 100_000, users: 5_000 };
  return runInTrustingChild<Figures>(import.meta.url, input, log);
}

const BASE = 'https://graph.bench.invalid/v1.0';
const DAY_MS = 24 * 60 * 60 * 1000;
const userId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A small deterministic generator: most calls 1:1, a quarter small meetings, a few big ones. */
function* generatedRecords(count: number, users: number, now: number): Generator<Record<string, unknown>> {
  let seed = 42;
  const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < count; i++) {
    const roll = next();
    const size = roll < 0.7 ? 2 : roll < 0.95 ? 3 + Math.floor(next() * 8) : 20 + Math.floor(next() * 60);
    const people = new Set<number>();
    while (people.size < size) people.add(Math.floor(next() * users));
    const start = new Date(now - next() * 29 * DAY_MS);
    const identity = (n: number) => ({ user: { id: userId(n), displayName: `Person ${n}`, tenantId: 't' } });
    const ids = [...people];
    yield {
      id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
      version: 1,
      type: size === 2 ? 'peerToPeer' : 'groupCall',
      modalities: ['audio'],
      startDateTime: start.toISOString(),
      endDateTime: new Date(start.getTime() + 30 * 60_000).toISOString(),
      organizer_v2: { id: userId(ids[0]!), identity: identity(ids[0]!) },
      participants_v2: ids.map((n) => ({ id: userId(n), identity: identity(n) })),
      sessions: ids.slice(1).map((n, s) => ({ id: `s${s}`, modalities: ['audio'], caller: { identity: identity(ids[0]!) }, callee: { identity: identity(n) }, segments: [] })),
    };
  }
}

async function measure(_tls: unknown, input: Input, log: (line: string) => void): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-bench-footprint-'));
  try {
    const now = Date.parse('2026-11-20T12:00:00Z');
    const bodies = new Map<string, string>();
    for (const record of generatedRecords(input.records, input.users, now)) bodies.set(String(record.id), JSON.stringify(record));
    const answer: typeof fetch = async (request) => {
      const url = new URL(request instanceof Request ? request.url : String(request));
      // .../callRecords/{id}, or .../callRecords/{id}/participants_v2 (the documented form reads participants apart).
      const id = url.pathname.split('/callRecords/')[1]?.split('/')[0] ?? '';
      const body = bodies.get(id);
      if (!body) return new Response(JSON.stringify({ error: { code: 'NotFound', message: 'no such record' } }), { status: 404, headers: { 'content-type': 'application/json' } });
      if (url.pathname.endsWith('/participants_v2')) return new Response(JSON.stringify({ value: JSON.parse(body).participants_v2 }), { headers: { 'content-type': 'application/json' } });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    };
    const credential: TokenCredential = { getToken: async (): Promise<AccessToken> => ({ token: 'bench', expiresOnTimestamp: now + 3_600_000 }) };
    const path = join(dir, 'store.sqlite');
    const store = createSqliteStore({ path, now: () => new Date(now) });
    const { feed } = createGraphServices({
      settings: { tenantId: 'bench', clientId: 'bench', auth: { kind: 'secret', clientSecret: 'bench' }, baseUrl: BASE.replace('/v1.0', ''), authorityHost: 'https://login.bench.invalid' },
      logger: silentLogger,
      now: () => new Date(now),
      cache: store.graph.cache,
      index: store.graph.index,
      credential,
      fetch: answer,
      // Graph's limits would spread this over 20 minutes of budget windows; here only Call Doctor's own cost counts.
      budget: { limits: { callRecords: { limit: 1e9, windowMs: 20_000 }, callRecord: { limit: 1e9, windowMs: 20_000 } } },
    });
    const ids = [...bodies.keys()];
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map((id) => feed.recordNotified(id)));
    const seconds = (performance.now() - started) / 1000;
    bodies.clear();
    (globalThis as { gc?: () => void }).gc?.();
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    const db = (store as unknown as { db: { prepare(sql: string): { get(...args: unknown[]): unknown } } }).db;
    const pageBytes = (table: string): number | undefined => {
      try {
        return (db.prepare('SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name = ?').get(table) as { bytes: number | null }).bytes ?? 0;
      } catch {
        return undefined;
      }
    };
    const indexBytes = pageBytes('call_index');
    const rows = (db.prepare('SELECT COUNT(*) AS n FROM call_index').get() as { n: number }).n;
    store.close();
    const sqliteBytes = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    const figures: Figures = {
      records: input.records,
      users: input.users,
      rssMb,
      rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
      sqliteMb: sqliteBytes / 2 ** 20,
      indexRows: rows,
      ...(indexBytes !== undefined && { indexBytesPerUser: indexBytes / input.users, indexBytesPerRow: indexBytes / Math.max(1, rows) }),
      ingestRecordsPerSecond: input.records / seconds,
    };
    log(
      `${input.records.toLocaleString('en-US')} records for ${input.users.toLocaleString('en-US')} users: RSS ${rssMb.toFixed(0)} MB, SQLite ${figures.sqliteMb!.toFixed(1)} MB, ` +
        `${rows.toLocaleString('en-US')} index rows${indexBytes !== undefined ? ` (${(indexBytes / input.users / 1024).toFixed(1)} KiB per user)` : ''}, ingested at ${figures.ingestRecordsPerSecond!.toFixed(0)} records/s`,
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

whenChild<Input, Figures>(measure);
