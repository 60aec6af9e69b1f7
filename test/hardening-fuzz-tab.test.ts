// Issue 16, bad input, second half: seeded fuzzing (at least 10,000 cases per target) of the tab
// API's parameters and ids (path params, query strings, repeated and bracketed keys, very long and
// unicode strings, broken percent-encoding, other methods) on an in-process server, and of graph/'s
// call-record check on mutated documentation records from ../shared/reference/graph-examples. The
// server never crashes and never answers 5xx, a refusal is a clear JSON error without a library's
// text, and however the request is bent a plain user still sees only their own calls.
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, LENA, RAVI } from '../bot/testing/activities.js';
import { testCall } from '../bot/testing/callRecords.js';
import { FakeCallRecords } from '../bot/testing/fakeCallRecords.js';
import { parseCallRecord } from '../diagnosis/index.js';
import { checkCallRecord } from '../graph/callRecords/parseCallRecord.js';
import { GraphError } from '../graph/index.js';
import type { AuditEntry } from '../tab/api/contract.js';
import { createTabApi, createTokenValidator } from '../tab/api/index.js';
import { startTestAuthority, TEST_AUDIENCE, type TestAuthority } from '../tab/api/testing/tokenAuthority.js';
import { createDiagnose, thresholdsFromConfig } from '../server/diagnosisWiring.js';
import { createHttpApp, listen, type RunningServer } from '../server/http/index.js';
import { createLogger } from '../server/logging/index.js';
import { graphExamplesDir } from './support/reference.js';
import { seededRandom, type Random } from './support/seededRandom.js';

type Json = Record<string, unknown>;

const SEED = 16_0309;
const CASES = 10_000;
const IN_FLIGHT = 8;
const TENANT = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
const GROUP_ID = 'dddddddd-4444-4444-8444-dddddddddddd';

const hour = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();
const records = [
  testCall({ id: 'alex-dropped', start: hour(2), with: [RAVI], quality: 'dropped' }),
  testCall({ id: 'alex-poor', start: hour(20), with: [RAVI], quality: 'packet-loss' }),
  testCall({ id: 'alex-good', start: hour(40), with: [LENA] }),
  testCall({ id: 'ravi-lena', start: hour(5), asker: RAVI, with: [LENA] }),
];
const ALEX_CALLS = new Set(['alex-dropped', 'alex-poor', 'alex-good']);

let authority: TestAuthority;
let server: RunningServer;
let userToken: string;
let helpdeskToken: string;
const audit: AuditEntry[] = [];
const logLines: Json[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

beforeAll(async () => {
  const now = (): Date => new Date();
  authority = await startTestAuthority(TENANT, now);
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Json);
        done();
      },
    }),
  });
  const thresholds = thresholdsFromConfig({});
  const api = createTabApi({
    calls: new FakeCallRecords({ records }),
    directory: { groupMembers: async (id) => (id === GROUP_ID ? [ALEX, RAVI, LENA].map((p) => ({ id: p.id, displayName: p.name, userPrincipalName: null })) : null), findUser: async () => null },
    diagnose: createDiagnose(thresholds),
    thresholds,
    validateToken: createTokenValidator({ jwksUrl: authority.jwksUrl, issuers: [authority.issuer], audiences: [TEST_AUDIENCE], tenantId: TENANT }, { now }),
    audit: { record: async (_t, entry) => void audit.push({ ...entry, at: now().toISOString() }), recent: async (_t, limit) => audit.slice(-limit).reverse() },
    now,
    logger,
    mode: 'production',
  });
  server = await listen(createHttpApp({ logger, health: { mode: 'production', version: 'fuzz' }, routers: [api] }), 0, '127.0.0.1');
  userToken = await authority.sign({ oid: ALEX.id, name: ALEX.name });
  helpdeskToken = await authority.sign({ oid: RAVI.id, name: RAVI.name, roles: ['CallDoctor.Helpdesk'] });
});
afterAll(async () => {
  agent.destroy();
  await server?.close();
  await authority?.close();
});

// --- generators -------------------------------------------------------------------------------

const UNICODE = ['Grüße', '通话', 'مكالمة', '📞💥', 'ℌ𝔢𝔩𝔩𝔬', 'e\u0301', '\u202e', '\u200b', '\ufeff', 'İı'];
const HOSTILE = ["' OR 1=1 --", '"; DROP TABLE audit; --', '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '../../etc/passwd', '..\\..\\windows', '$where', '__proto__', 'constructor', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '0x10', ' 5', '5 ', '', ' '];
// Raw, already in URL form: broken percent-encoding, encoded separators and NULs, dot segments.
const RAW = ['%', '%E0%A4%A', '%zz', '%00', '%2F', '%2e%2e', '..', '.', '%5C', '%C0%AE', '%FF%FE', '%u0041', '%252e'];

function randomText(r: Random): string {
  switch (r.int(6)) {
    case 0:
      return r.pick(HOSTILE);
    case 1:
      return Array.from({ length: 1 + r.int(5) }, () => r.pick(UNICODE)).join('');
    case 2:
      // Very long, still inside Node's 16 KB header limit once encoded.
      return r.pick(['a', '9', '-', 'é']).repeat(1 + r.int(2500));
    case 3:
      return String.fromCharCode(...Array.from({ length: r.int(30) }, () => 1 + r.int(0xd7ff)));
    case 4:
      return r.pick([ALEX.id, RAVI.id, LENA.id, ALEX.id.toUpperCase(), GROUP_ID, '00000000-0000-0000-0000-000000000000', 'alex-dropped', 'ravi-lena']);
    default:
      return String(r.int(10_000) - 100);
  }
}

/** A path or query component: usually encoded text, sometimes raw URL bytes. */
function component(r: Random): string {
  return r.chance(0.15) ? r.pick(RAW) + (r.chance(0.5) ? encodeURIComponent(randomText(r)) : '') : encodeURIComponent(randomText(r));
}

const QUERY_KEYS = ['verdict', 'media', 'kind', 'q', 'limit', 'cursor', 'user', 'tz', 'days', 'upn', 'x'];
const GOOD_VALUES: Record<string, readonly string[]> = {
  verdict: ['poor', 'dropped'],
  media: ['audio', 'video', 'screenSharing'],
  kind: ['oneOnOne', 'meeting', 'phone'],
  limit: ['1', '20', '50', '0', '101'],
  days: ['7', '14', '30', '31'],
  tz: ['Europe/Berlin', 'UTC', 'Mars/Olympus'],
  user: [ALEX.id, RAVI.id, LENA.id],
  upn: ['alex@contoso.com', 'nobody@contoso.com'],
};

function query(r: Random): string {
  const parts: string[] = [];
  for (let i = r.int(5); i > 0; i--) {
    const key = r.pick(QUERY_KEYS);
    const shape = r.int(10);
    const value = GOOD_VALUES[key] && r.chance(0.5) ? r.pick(GOOD_VALUES[key]!) : component(r);
    if (shape === 0) parts.push(`${key}[]=${value}`);
    else if (shape === 1) parts.push(`${key}[${r.pick(['a', '__proto__', '0', 'constructor'])}]=${value}`);
    else if (shape === 2) parts.push(key);
    else if (shape === 3) parts.push(`${key}=${value}&${key}=${component(r)}`);
    else parts.push(`${key}=${value}`);
  }
  if (r.chance(0.05)) parts.push(component(r));
  return parts.length ? `?${parts.join('&')}` : '';
}

function path(r: Random): string {
  const id = (): string => (r.chance(0.4) ? r.pick([...ALEX_CALLS, 'ravi-lena', 'no-such-call', GROUP_ID]) : component(r));
  switch (r.int(10)) {
    case 0:
    case 1:
      return '/api/calls';
    case 2:
    case 3:
      return `/api/calls/${id()}`;
    case 4:
      return r.pick(['/api/me', '/api/me/quality', '/api/me/']);
    case 5:
      return `/api/teams/${r.chance(0.5) ? GROUP_ID : id()}/quality`;
    case 6:
      return r.pick(['/api/helpdesk/users', '/api/helpdesk/audit', `/api/helpdesk/${id()}`]);
    case 7:
      return r.pick(['/api/demo/users', '/api/demo/token']);
    case 8:
      return `/api/calls/${id()}/${id()}`;
    default:
      return `/api/${id()}${r.chance(0.5) ? `/${id()}` : ''}`;
  }
}

interface Case {
  readonly n: number;
  readonly method: string;
  readonly path: string;
  readonly bearer: 'user' | 'helpdesk' | 'none' | 'junk';
  readonly body?: string;
}

function fuzzCase(r: Random, n: number): Case {
  const method = r.chance(0.85) ? 'GET' : r.pick(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
  const bearer = r.chance(0.65) ? 'user' : r.chance(0.6) ? 'helpdesk' : r.pick(['none', 'junk'] as const);
  const body = method === 'POST' || method === 'PUT' ? r.pick(['{}', '{"user":1}', '{', 'x'.repeat(r.int(20_000)), JSON.stringify({ user: randomText(r) })]) : undefined;
  return { n, method, path: `${path(r)}${query(r)}`, bearer, ...(body !== undefined ? { body } : {}) };
}

function send(c: Case): Promise<{ status: number; contentType: string; text: string }> {
  const authorization = c.bearer === 'user' ? `Bearer ${userToken}` : c.bearer === 'helpdesk' ? `Bearer ${helpdeskToken}` : c.bearer === 'junk' ? 'Bearer x.y.z' : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: c.method, path: c.path, agent, headers: { ...(authorization ? { authorization } : {}), ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(c.body);
  });
}

const LIBRARY_TEXT = /\bat [\w.<>]+ \(|node_modules|TypeError|ReferenceError|RangeError|URIError|Cannot read|is not a function|undefined is not|express|jose|SyntaxError|Unexpected token|ERR_/;
const ALLOWED = new Set([200, 204, 400, 401, 403, 404, 405, 413, 415, 431]);

describe('fuzzing the tab API', () => {
  it(`when ${CASES} seeded hostile requests arrive (seed ${SEED}), then each is a 2xx or a clear 4xx, a user sees only their own calls, and the server keeps serving`, { timeout: 240_000 }, async () => {
    const r = seededRandom(SEED);
    const cases = Array.from({ length: CASES }, (_, n) => fuzzCase(r, n));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < cases.length && failures.length < 5) {
        const c = cases[next++]!;
        const where = `case ${c.n}: ${c.method} ${c.path.slice(0, 200)} (${c.bearer})`;
        let answer: Awaited<ReturnType<typeof send>>;
        try {
          answer = await send(c);
        } catch (error) {
          failures.push(`${where}: the connection failed: ${String(error)}`);
          continue;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (!ALLOWED.has(answer.status)) failures.push(`${where}: status ${answer.status} ${answer.text.slice(0, 200)}`);
        // express answers OPTIONS itself with the allowed methods (no CORS headers, so no browser reads more).
        // Node's HTTP parser refuses a request line and headers over 16 KB (431) before any of our code runs.
        if (answer.status === 431) continue;
        if (c.method === 'HEAD' || answer.status === 204 || (c.method === 'OPTIONS' && answer.status === 200 && /^GET/.test(answer.text))) continue;
        if (!answer.contentType.startsWith('application/json')) {
          failures.push(`${where}: ${answer.status} answered ${answer.contentType || 'no content type'}: ${answer.text.slice(0, 120)}`);
          continue;
        }
        const body = JSON.parse(answer.text) as Json;
        if (answer.status >= 400) {
          const error = body.error as { code?: unknown; message?: unknown } | undefined;
          if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.length < 10) failures.push(`${where}: unclear error ${answer.text.slice(0, 200)}`);
          if (LIBRARY_TEXT.test(answer.text)) failures.push(`${where}: library text in ${answer.text.slice(0, 300)}`);
        } else if (c.bearer === 'user') {
          // However the request is bent, Alex sees only Alex's calls.
          const ids = [...((body.calls as Json[] | undefined) ?? []).map((x) => String(x.id)), ...(typeof body.id === 'string' && body.sessions ? [body.id] : [])];
          for (const id of ids) if (!ALEX_CALLS.has(id)) failures.push(`${where}: Alex was shown ${id}`);
          if (body.helpdesk === true) failures.push(`${where}: a helpdesk answer to a plain user`);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    expect(failures).toEqual([]);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    // Both sides of the edge were exercised.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 20);
    expect((statuses.get(400) ?? 0) + (statuses.get(404) ?? 0)).toBeGreaterThan(CASES / 10);
    expect(logLines.filter((l) => l.msg === 'tab API request failed' || l.msg === 'unhandled error while serving a request').map((l) => JSON.stringify(l).slice(0, 400))).toEqual([]);
  });
});

// --- graph/'s call-record check ---------------------------------------------------------------

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 8)) {
    case 0:
      return r.int(2_000_000) - 1_000_000;
    case 1:
      return r.chance(0.5);
    case 2:
      return null;
    case 3:
      return randomText(r);
    case 4:
      return r.pick([0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, '2020-02-25T18:52:21Z', 'not-a-date']);
    case 5:
      return undefined;
    case 6:
      return Array.from({ length: r.int(3) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(3) }, (_, i) => [r.pick(['id', 'startDateTime', 'sessions', 'participants_v2', `k${i}`]), randomValue(r, depth + 1)]));
  }
}

function mutate(r: Random, value: unknown): unknown {
  if (Array.isArray(value)) {
    const copy = value.map((item) => mutate(r, item));
    if (r.chance(0.05)) copy.push(randomValue(r));
    if (r.chance(0.05)) copy.splice(r.int(copy.length + 1), 1);
    return r.chance(0.02) ? randomValue(r) : copy;
  }
  if (value !== null && typeof value === 'object') {
    const out: Json = {};
    for (const [key, v] of Object.entries(value)) {
      if (r.chance(0.05)) continue;
      out[key] = r.chance(0.05) ? randomValue(r) : mutate(r, v);
    }
    return out;
  }
  return r.chance(0.04) ? randomValue(r) : value;
}

/** Microsoft's documentation answers that are one call record (the list and delta examples hold them in `value`). */
function documentationRecords(): Json[] {
  const dir = graphExamplesDir;
  const found: Json[] = [];
  for (const name of readdirSync(dir).filter((f) => f.startsWith('get-callrecord') || f.startsWith('list-callrecords'))) {
    const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Json;
    for (const candidate of Array.isArray(json.value) ? (json.value as Json[]) : [json]) if (typeof candidate.id === 'string' && typeof candidate.startDateTime === 'string') found.push(candidate);
  }
  return found;
}

describe('fuzzing graph/ call-record reading', () => {
  it(`when ${CASES} seeded mutations of Microsoft's documentation records reach graph/ and diagnosis/, then each is a record or a named problem, never an unhandled exception`, { timeout: 120_000 }, () => {
    const bases = documentationRecords();
    expect(bases.length).toBeGreaterThanOrEqual(2);
    const r = seededRandom(SEED + 1);
    const failures: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < CASES && failures.length < 5; n++) {
      const base = r.pick(bases);
      const input = r.chance(0.03) ? randomValue(r) : mutate(r, base);
      const askedFor = r.chance(0.8) ? String(base.id) : r.chance(0.5) ? String(base.id).toUpperCase() : undefined;
      try {
        const record = checkCallRecord(input, askedFor);
        accepted++;
        // What graph/ lets through, diagnosis/ reads or refuses with a sentence.
        const parsed = parseCallRecord(record);
        if (!parsed.ok && (typeof parsed.problem !== 'string' || parsed.problem.length < 5)) failures.push(`case ${n}: diagnosis refused without a problem`);
      } catch (error) {
        if (error instanceof GraphError && /^Microsoft Graph returned an unreadable call record: .{4,}/.test(error.message)) refused++;
        else failures.push(`case ${n}: threw ${String(error).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(accepted).toBeGreaterThan(CASES / 4);
    expect(refused).toBeGreaterThan(CASES / 50);
  });
});
