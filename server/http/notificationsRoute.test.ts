import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertWork } from '../alerts/ports.js';
import { createLogger } from '../logging/index.js';
import { createHttpApp } from './createHttpApp.js';
import { listen, type RunningServer } from './listen.js';
import { notificationsRoute, type LifecycleNotification } from './notificationsRoute.js';

const TENANT = 'dc368399-474c-4d40-900c-6265431fd81f';
const SECRET = 'the-shared-client-state-secret';

async function start(options: { enqueue?: (work: readonly AlertWork[]) => Promise<void> } = {}) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: new Writable({ write: (chunk: Buffer, _e, done) => void (lines.push(chunk.toString()), done()) }) });
  const queued: AlertWork[] = [];
  const lifecycle: LifecycleNotification[] = [];
  const received: Date[] = [];
  const http = createHttpApp({
    logger,
    health: { mode: 'demo', version: 'test' },
    routers: [
      notificationsRoute({
        clientState: SECRET,
        tenantId: TENANT,
        enqueue: options.enqueue ?? (async (work) => void queued.push(...work)),
        received: (at) => void received.push(at),
        lifecycle: (events) => void lifecycle.push(...events),
        now: () => new Date('2026-11-30T10:00:00Z'),
        logger,
      }),
    ],
  });
  const running = await listen(http, 0, '127.0.0.1');
  servers.push(running);
  const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`http://127.0.0.1:${running.port}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { post, queued, lifecycle, received, logs: () => lines.join('') };
}

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const change = (id: string, extra: Record<string, unknown> = {}) => ({
  subscriptionId: 'sub-1',
  clientState: SECRET,
  changeType: 'created',
  resource: `communications/callRecords/${id}`,
  resourceData: { '@odata.type': '#Microsoft.Graph.callRecord', '@odata.id': `communications/callRecords/${id}`, id },
  tenantId: TENANT,
  subscriptionExpirationDateTime: '2026-12-02T10:00:00Z',
  ...extra,
});

describe('POST /api/notifications', () => {
  it('when Graph validates the endpoint, then the token is echoed as text/plain', async () => {
    const t = await start();
    for (const path of ['/api/notifications', '/api/notifications/lifecycle']) {
      const response = await t.post(`${path}?validationToken=${encodeURIComponent('Validation: Token <abc>&1')}`, '', { 'content-type': 'text/plain' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('Validation: Token <abc>&1');
    }
  });

  it('when notifications arrive, then each id is queued durably before the 202, and nothing but the id is taken', async () => {
    let durable = false;
    const queued: AlertWork[] = [];
    const t = await start({
      enqueue: async (work) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        queued.push(...work);
        durable = true;
      },
    });
    const response = await t.post('/api/notifications', { value: [change('AAAA-1'), change('bbbb-2', { changeType: 'updated', resourceData: { id: 'someone-else' } })] });
    expect(response.status).toBe(202);
    expect(durable).toBe(true);
    expect(queued.map((w) => [w.callId, w.changeType, w.source, w.tenantId])).toEqual([
      ['aaaa-1', 'created', 'notification', TENANT],
      ['bbbb-2', 'updated', 'notification', TENANT],
    ]);
  });

  it('when an item carries the wrong clientState or another tenant, then it is dropped and logged without the value', async () => {
    const t = await start();
    const response = await t.post('/api/notifications', {
      value: [change('c1'), change('c2', { clientState: 'forged-client-state-value' }), change('c3', { tenantId: 'another-tenant' }), change('c4', { clientState: undefined })],
    });
    expect(response.status).toBe(202);
    expect(t.queued.map((w) => w.callId)).toEqual(['c1']);
    expect(t.logs()).toMatch(/"dropped":3/);
    expect(t.logs()).not.toContain('forged-client-state-value');
    expect(t.logs()).not.toContain(SECRET);
  });

  it('when the body is malformed, then a 400 names what is wrong and nothing is queued', async () => {
    const t = await start();
    const cases: [unknown, RegExp][] = [
      ['{"value": [', /not valid JSON/],
      [[change('c1')], /JSON object with a "value" array/],
      [{ notifications: [] }, /"value" array/],
      [{ value: [change('c1'), 'x'] }, /value\[1\] must be an object/],
      [{ value: [change('c1'), change('c2', { resource: 42 })] }, /value\[1\]\.resource must be a string/],
      [{ value: [change('c1', { resource: 'users/alex' })] }, /communications\/callRecords\/\{id\}/],
    ];
    for (const [body, message] of cases) {
      const response = await t.post('/api/notifications', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(t.queued).toEqual([]);
  });

  it('when the body is larger than a megabyte, then the answer is 413', async () => {
    const t = await start();
    const response = await t.post('/api/notifications', { value: [change('c1', { padding: 'x'.repeat(1_100_000) })] });
    expect(response.status).toBe(413);
  });

  it('when the store cannot take the work, then Graph gets a 5xx (and redelivers), never a 202', async () => {
    const t = await start({ enqueue: async () => Promise.reject(new Error('disk full')) });
    const response = await t.post('/api/notifications', { value: [change('c1')] });
    expect(response.status).toBe(500);
  });
});

describe('POST /api/notifications/lifecycle', () => {
  it('when lifecycle events arrive, then trusted ones go to the manager and unknown or forged ones do not', async () => {
    const t = await start();
    const item = (event: string, extra: Record<string, unknown> = {}) => ({ subscriptionId: 'sub-1', clientState: SECRET, lifecycleEvent: event, tenantId: TENANT, ...extra });
    const response = await t.post('/api/notifications/lifecycle', {
      value: [item('reauthorizationRequired'), item('missed'), item('subscriptionRemoved', { clientState: 'nope' }), item('somethingNew')],
    });
    expect(response.status).toBe(202);
    expect(t.lifecycle).toEqual([
      { event: 'reauthorizationRequired', subscriptionId: 'sub-1' },
      { event: 'missed', subscriptionId: 'sub-1' },
    ]);
    expect((await t.post('/api/notifications/lifecycle', { value: [{ clientState: SECRET }] })).status).toBe(400);
  });
});
