// Issue 16, the Graph webhook (POST /api/notifications and /api/notifications/lifecycle, merged from
// the alerts branch): its identity rows (a wrong, missing or differently cased clientState, another
// tenant, a forged resource: nothing is trusted beyond the call id it carries) and a seeded fuzz of
// 10,000 notification shapes, batch sizes and content types on an in-process server. Refusals are a
// clear 400/413 JSON error, accepted batches are a 202, and the only work enqueued is a call id of
// a notification that carried our clientState and tenant.
import { Agent, request } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertWork } from '../server/alerts/ports.js';
import { notificationsRoute, type LifecycleNotification } from '../server/http/notificationsRoute.js';
import { createHttpApp, listen, type RunningServer } from '../server/http/index.js';
import { createLogger } from '../server/logging/index.js';
import { seededRandom, type Random } from './support/seededRandom.js';

type Json = Record<string, unknown>;

const SEED = 16_0412;
const CASES = 10_000;
const IN_FLIGHT = 8;
const TENANT = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
const OTHER_TENANT = 'cccccccc-3333-4333-8333-cccccccccccc';
const CLIENT_STATE = 'c0ffee-7a1b-4c2d-9e8f-secret-state';
const CALL_ID = '2f1a1100-b174-40a0-aba7-0b405e01ed92';

let server: RunningServer;
const enqueued: AlertWork[] = [];
const lifecycle: LifecycleNotification[] = [];
const logText: string[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

beforeAll(async () => {
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logText.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  const router = notificationsRoute({
    clientState: CLIENT_STATE,
    tenantId: TENANT,
    enqueue: async (work) => void enqueued.push(...work),
    received: () => undefined,
    lifecycle: (events) => void lifecycle.push(...events),
    now: () => new Date('2026-12-04T03:00:00Z'),
    logger,
  });
  server = await listen(createHttpApp({ logger, health: { mode: 'production', version: 'webhook' }, routers: [router] }), 0, '127.0.0.1');
});
afterAll(async () => {
  agent.destroy();
  await server?.close();
});

function post(path: string, body: string, contentType = 'application/json'): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path, agent, headers: contentType ? { 'content-type': contentType } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function notification(overrides: Json = {}): Json {
  return {
    subscriptionId: '6a3f5c5e-1d33-4b8a-9a4f-3c0b6a1b2c3d',
    changeType: 'created',
    tenantId: TENANT,
    clientState: CLIENT_STATE,
    subscriptionExpirationDateTime: '2026-12-06T03:00:00Z',
    resource: `communications/callRecords/${CALL_ID}`,
    resourceData: { '@odata.type': '#microsoft.graph.callrecord', '@odata.id': `communications/callRecords/${CALL_ID}`, id: CALL_ID },
    ...overrides,
  };
}

// --- identity rows ----------------------------------------------------------------------------

describe('identity: the Graph webhook trusts nothing but our clientState and tenant, and nothing beyond the id', () => {
  it('when a notification carries our clientState and tenant, then 202 and its call id, alone, is enqueued', async () => {
    const before = enqueued.length;
    expect((await post('/api/notifications', JSON.stringify({ value: [notification()] }))).status).toBe(202);
    expect(enqueued.slice(before)).toEqual([expect.objectContaining({ callId: CALL_ID, tenantId: TENANT, changeType: 'created', source: 'notification' })]);
  });

  const refused: readonly [string, Json][] = [
    ['a wrong clientState', { clientState: 'guessed' }],
    ['no clientState', { clientState: undefined }],
    ['a clientState of another type', { clientState: 12345 }],
    ['our clientState in other case', { clientState: CLIENT_STATE.toUpperCase() }],
    ['our clientState with a space', { clientState: `${CLIENT_STATE} ` }],
    ['another tenant', { tenantId: OTHER_TENANT }],
    ['a tenant of another type', { tenantId: ['x'] }],
  ];
  it.each(refused)('when a notification has %s, then it is acknowledged but nothing is enqueued and the value is never logged', async (_name, overrides) => {
    const before = enqueued.length;
    const answer = await post('/api/notifications', JSON.stringify({ value: [notification(overrides)] }));
    expect(answer.status).toBe(202);
    expect(enqueued.length).toBe(before);
    expect(logText.join('')).not.toContain('guessed');
    expect(logText.join('')).not.toContain(CLIENT_STATE);
  });

  it('when a lifecycle notification has a wrong clientState, then the subscription manager never hears of it', async () => {
    const before = lifecycle.length;
    expect((await post('/api/notifications/lifecycle', JSON.stringify({ value: [{ ...notification({ clientState: 'guessed' }), lifecycleEvent: 'subscriptionRemoved' }] }))).status).toBe(202);
    expect(lifecycle.length).toBe(before);
    expect((await post('/api/notifications/lifecycle', JSON.stringify({ value: [{ ...notification(), lifecycleEvent: 'subscriptionRemoved' }] }))).status).toBe(202);
    expect(lifecycle.length).toBe(before + 1);
  });

  it('when a notification with our clientState names a resource that is not a call record, then 400 and nothing is enqueued', async () => {
    const before = enqueued.length;
    for (const resource of ['users/alex/messages/1', `communications/callRecords/${CALL_ID}/sessions`, `communications/callRecords/../../users`, `https://evil.example/communications/callRecords/${CALL_ID}`]) {
      const answer = await post('/api/notifications', JSON.stringify({ value: [notification({ resource })] }));
      expect(answer.status, resource).toBe(400);
    }
    expect(enqueued.length).toBe(before);
  });

  it('when resourceData claims another id, a verdict or a user, then only the id in resource is taken', async () => {
    const before = enqueued.length;
    await post('/api/notifications', JSON.stringify({ value: [notification({ resourceData: { id: 'ffffffff-0000-0000-0000-000000000000', verdict: 'poor', userId: 'victim' }, changeType: 'deleted' })] }));
    const work = enqueued.slice(before);
    expect(work).toHaveLength(1);
    expect(Object.keys(work[0]!).sort()).toEqual(['callId', 'changeType', 'receivedAt', 'source', 'tenantId']);
    expect(work[0]).toMatchObject({ callId: CALL_ID, changeType: 'created' });
  });
});

// --- fuzz -------------------------------------------------------------------------------------

const WEIRD = ['', ' ', 'null', '\u0000', '\ud83d\udcde', 'é'.repeat(300), '<script>', '../..', 'x'.repeat(5000)];

function value(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 8)) {
    case 0:
      return r.int(1_000_000) - 500_000;
    case 1:
      return r.chance(0.5);
    case 2:
      return null;
    case 3:
      return r.pick(WEIRD);
    case 4:
      // (Our clientState goes only into clientState: the log check below looks for it.)
      return r.pick([TENANT, CALL_ID, `communications/callRecords/${CALL_ID}`, 'created', 'updated', 'missed']);
    case 5:
      return undefined;
    case 6:
      return Array.from({ length: r.int(3) }, () => value(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(3) }, (_, i) => [r.pick(['id', 'resource', 'clientState', `k${i}`]), value(r, depth + 1)]));
  }
}

const FIELDS = ['subscriptionId', 'changeType', 'tenantId', 'clientState', 'resource', 'resourceData', 'lifecycleEvent', 'subscriptionExpirationDateTime'];

function item(r: Random): unknown {
  if (r.chance(0.03)) return value(r);
  const base = r.chance(0.5) ? notification() : notification({ clientState: r.pick(['guessed', CLIENT_STATE.toUpperCase(), CLIENT_STATE]) });
  if (r.chance(0.3)) base.lifecycleEvent = r.pick(['reauthorizationRequired', 'subscriptionRemoved', 'missed', 'unknownEvent']);
  for (let i = r.chance(0.4) ? 0 : 1 + r.int(3); i > 0; i--) {
    const field = r.pick(FIELDS);
    const v = field === 'resource' && r.chance(0.5) ? r.pick([`/communications/callRecords/${CALL_ID}`, `communications/callRecords('${CALL_ID}')`, 'communications/callRecords/', `communications/callRecords/${'a'.repeat(200)}`, 'communications/callRecords/a b']) : value(r);
    if (v === undefined) delete base[field];
    else base[field] = v;
  }
  return base;
}

function body(r: Random): { body: string; contentType: string } {
  const contentType = r.pick(['application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', '', 'application/xml']);
  if (r.chance(0.05)) return { body: r.pick(['', '{', 'null', '[]', '"value"', '{"value":{}}', '{"value":null}', 'value=1', '<xml/>', '{'.repeat(3000)]), contentType };
  // Batch sizes from empty to well past what Graph sends (the 1 MB limit is a 413).
  const size = r.chance(0.01) ? 4000 : r.pick([0, 1, 1, 2, 5, 20, 100, r.int(400)]);
  const items = Array.from({ length: size }, () => item(r));
  return { body: JSON.stringify(r.chance(0.03) ? items : { value: items, ...(r.chance(0.1) ? { validationTokens: ['x'] } : {}) }), contentType };
}

const LIBRARY_TEXT = /\bat [\w.<>]+ \(|node_modules|TypeError|RangeError|Cannot read|is not a function|SyntaxError|Unexpected token|express|body-parser|entity\.too\.large/;

describe('fuzzing the Graph webhook', () => {
  it(`when ${CASES} seeded notification bodies arrive (seed ${SEED}), then each is a 202, a handshake or a clear 4xx, and only trusted call ids are enqueued`, { timeout: 240_000 }, async () => {
    const r = seededRandom(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // Generated as each is sent (in case order, so the seed replays them): large batches held at once would not fit in memory.
    const caseNumber = (n: number) => {
      const path = r.chance(0.75) ? '/api/notifications' : '/api/notifications/lifecycle';
      const handshake = r.chance(0.05) ? `?validationToken=${encodeURIComponent(r.pick(['abc', 'Validation: Testing client application reachability', 'é'.repeat(20), 'x'.repeat(2000)]))}` : '';
      return { n, path: `${path}${handshake}`, ...body(r) };
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < CASES && failures.length < 5) {
        const c = caseNumber(next++);
        const where = `case ${c.n}: ${c.path.slice(0, 80)} ${c.contentType || '(no type)'} ${c.body.slice(0, 160)}`;
        const answer = await post(c.path, c.body, c.contentType);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (![200, 202, 400, 413].includes(answer.status)) failures.push(`${where}: status ${answer.status} ${answer.text.slice(0, 200)}`);
        if (answer.status === 200 && !c.path.includes('validationToken')) failures.push(`${where}: 200 without a handshake`);
        if (answer.status >= 400) {
          const error = (JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } }).error;
          if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.length < 10) failures.push(`${where}: unclear error ${answer.text.slice(0, 200)}`);
          if (LIBRARY_TEXT.test(answer.text)) failures.push(`${where}: library text ${answer.text.slice(0, 200)}`);
        }
      }
    };
    const before = enqueued.length;
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    expect(failures).toEqual([]);
    // Everything enqueued is a call id taken from a resource path, for our tenant.
    for (const work of enqueued.slice(before)) {
      expect(work.callId).toMatch(/^[a-z0-9-]{1,128}$/);
      expect(work.tenantId).toBe(TENANT);
    }
    expect(enqueued.length - before).toBeGreaterThan(0);
    expect((statuses.get(202) ?? 0) > CASES / 10 && (statuses.get(400) ?? 0) > CASES / 20).toBe(true);
    expect(logText.join('')).not.toMatch(/unhandled error/);
    expect(logText.filter((l) => l.includes(CLIENT_STATE)).map((l) => l.slice(0, 600)).slice(0, 3)).toEqual([]);
  });
});
