// Subscriptions and change notifications for call records (§7): the validation handshake with a
// good and a failing receiver, the documented limits, created/updated notifications, redelivery
// and reauthorizationRequired lifecycle events.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { startWebhookReceiver, type WebhookReceiver } from '../emulator/testing/webhookReceiver.js';

type Json = Record<string, unknown>;
/** Generous: the machine is shared; a timeout here only delays a failure, it never hides one. */
const WAIT = { timeout: 10_000, interval: 20 };

describe('emulator subscriptions and notifications', () => {
  let emulator: EmulatorHandle;
  let receiver: WebhookReceiver;
  let token: string;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 11, throttle: false, notificationTiming: { validationTimeoutMs: 2000, deliveryTimeoutMs: 1000, redeliveryDelaysMs: [50, 50, 50] } });
    receiver = await startWebhookReceiver();
    token = await emulator.appToken(['CallRecords.Read.All']);
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });
  afterEach(async () => {
    const list = await call('GET', '/v1.0/subscriptions');
    for (const s of (list.body as { value: Json[] }).value) await call('DELETE', `/v1.0/subscriptions/${String(s.id)}`);
  });

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${emulator.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }
  const inMinutes = (m: number): string => new Date(emulator.now().getTime() + m * 60_000).toISOString();
  const subscribe = (extra: Json = {}): Promise<{ status: number; body: Json }> =>
    call('POST', '/v1.0/subscriptions', { changeType: 'created,updated', notificationUrl: `${receiver.url}/notify`, resource: '/communications/callRecords', expirationDateTime: inMinutes(60), clientState: 'secret-state', ...extra });
  const newRecord = (id: string, participantId?: string): Json => {
    const template = emulator.tenant!.records[10] as Json;
    const participants = participantId ? [{ id: participantId, identity: { user: { id: participantId, displayName: 'X', tenantId: emulator.tenantId } } }] : template.participants_v2;
    return { ...template, id, participants_v2: participants, startDateTime: inMinutes(-20), endDateTime: inMinutes(-5), version: 1 };
  };

  it('when the receiver echoes the validation token as text/plain, then the subscription is created with what was asked', async () => {
    const created = await subscribe({ lifecycleNotificationUrl: `${receiver.url}/lifecycle` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ resource: '/communications/callRecords', changeType: 'created,updated', clientState: 'secret-state', notificationUrl: `${receiver.url}/notify`, lifecycleNotificationUrl: `${receiver.url}/lifecycle` });
    const handshakes = receiver.calls.filter((c) => c.validationToken !== null);
    expect(handshakes.map((c) => c.path)).toEqual(expect.arrayContaining(['/notify', '/lifecycle']));
    expect(handshakes[0]!.contentType).toMatch(/^text\/plain/);
    expect(handshakes[0]!.validationToken).toMatch(/^Validation: .+Request-Id: /);
  });

  it('when the receiver answers the handshake with something else than the token, then creation fails with 400 and nothing is created', async () => {
    receiver.on('/wrong-echo', (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('not the token'));
    const failed = await subscribe({ notificationUrl: `${receiver.url}/wrong-echo` });
    expect(failed.status).toBe(400);
    expect(String((failed.body.error as Json).message)).toMatch(/validation/i);
    expect(((await call('GET', '/v1.0/subscriptions')).body.value as Json[]).length).toBe(0);
  });

  it('when the receiver does not answer the handshake in time, then creation fails with 400', async () => {
    receiver.on('/slow', (_req, res, c) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(c.validationToken ?? ''), 3000));
    expect((await subscribe({ notificationUrl: `${receiver.url}/slow` })).status).toBe(400);
  });

  it('when the expiration is more than 4,230 minutes away, then it is refused; 4,229 minutes is accepted', async () => {
    const tooLong = await subscribe({ expirationDateTime: inMinutes(4231) });
    expect(tooLong.status).toBe(400);
    expect(String((tooLong.body.error as Json).message)).toContain('4230');
    expect((await subscribe({ expirationDateTime: inMinutes(4229) })).status).toBe(201);
  });

  it('when the same app subscribes twice to the same resource and change types, then the second gets 409', async () => {
    const first = await subscribe();
    const second = await subscribe({ notificationUrl: `${receiver.url}/other` });
    expect(second.status).toBe(409);
    expect(String((second.body.error as Json).message)).toContain(String(first.body.id));
  });

  it('when the organisation already has 100 call-record subscriptions, then the 101st gets 403', async () => {
    for (let i = 0; i < 100; i++) expect((await subscribe({ resource: `/communications/callRecords?$filter=participants/any(p:p/id eq 'user-${i}')` })).status).toBe(201);
    const over = await subscribe();
    expect(over.status).toBe(403);
    expect(String((over.body.error as Json).message)).toContain('100');
  });

  it('when a record appears and is then revised, then the receiver gets created and updated once, then only updated, with the clientState', async () => {
    const sub = await subscribe();
    await emulator.addRecord(newRecord('rec-created-updated'));
    await emulator.settle();
    expect(receiver.notifications('/notify').filter((n) => n.resource === 'communications/callRecords/rec-created-updated')).toHaveLength(2);
    await emulator.addRecord(newRecord('rec-created-updated'));
    await emulator.settle();
    const mine = receiver.notifications('/notify').filter((n) => n.resource === 'communications/callRecords/rec-created-updated');
    expect(mine.map((n) => n.changeType)).toEqual(['created', 'updated', 'updated']);
    expect(mine[0]).toMatchObject({
      subscriptionId: sub.body.id,
      clientState: 'secret-state',
      tenantId: emulator.tenantId,
      resourceData: { '@odata.type': '#Microsoft.Graph.callRecord', '@odata.id': 'communications/callRecords/rec-created-updated', id: 'rec-created-updated' },
    });
    expect(mine[0]!.subscriptionExpirationDateTime).toMatch(/\+00:00$/);
  });

  it('when the subscription filters on a participant, then only calls with that participant are notified', async () => {
    await subscribe({ notificationUrl: `${receiver.url}/filtered`, changeType: 'created', resource: "/communications/callRecords?$filter=participants/any(p:p/id eq 'person-a')" });
    await emulator.addRecord(newRecord('rec-without-a', 'person-b'));
    await emulator.addRecord(newRecord('rec-with-a', 'person-a'));
    // Every notification the two records caused has now had its attempt, so an absent one was never sent.
    await emulator.settle();
    expect(receiver.notifications('/filtered').map((n) => n.resource)).toEqual(['communications/callRecords/rec-with-a']);
    expect(emulator.notificationDeliveries().filter((d) => d.url.endsWith('/filtered'))).toEqual([expect.objectContaining({ attempt: 1, notifications: 1, delivered: true })]);
  });

  it('when the receiver fails twice and then accepts, then the notification is redelivered until it gets a 2xx', async () => {
    let failures = 0;
    receiver.on('/flaky', (_req, res, c) => {
      if (c.validationToken !== null) return void res.writeHead(200, { 'content-type': 'text/plain' }).end(c.validationToken);
      if (failures++ < 2) return void res.writeHead(503).end();
      res.writeHead(202).end();
    });
    await subscribe({ notificationUrl: `${receiver.url}/flaky`, changeType: 'created' });
    await emulator.addRecord(newRecord('rec-flaky'));
    await vi.waitFor(() => expect(emulator.notificationDeliveries().filter((d) => d.url.endsWith('/flaky') && d.delivered)).toHaveLength(1), WAIT);
    expect(emulator.notificationDeliveries().filter((d) => d.url.endsWith('/flaky')).map((d) => [d.attempt, d.status])).toEqual([[1, 503], [2, 503], [3, 202]]);
  });

  it('when the receiver takes longer than the delivery timeout, then the delivery counts as failed and is retried', async () => {
    let calls = 0;
    receiver.on('/sluggish', (_req, res, c) => {
      if (c.validationToken !== null) return void res.writeHead(200, { 'content-type': 'text/plain' }).end(c.validationToken);
      if (calls++ === 0) return void setTimeout(() => res.writeHead(202).end(), 2500);
      res.writeHead(202).end();
    });
    await subscribe({ notificationUrl: `${receiver.url}/sluggish`, changeType: 'created' });
    await emulator.addRecord(newRecord('rec-sluggish'));
    await vi.waitFor(() => expect(emulator.notificationDeliveries().filter((d) => d.url.endsWith('/sluggish')).map((d) => d.status)).toEqual([0, 202]), WAIT);
    expect(emulator.notificationDeliveries().filter((d) => d.url.endsWith('/sluggish')).map((d) => d.failure)).toEqual(['TimeoutError', undefined]);
  });

  it('when reauthorization is required, then the lifecycle URL gets the event; reauthorize, renew and delete work as documented', async () => {
    const sub = await subscribe({ lifecycleNotificationUrl: `${receiver.url}/lifecycle-events`, expirationDateTime: inMinutes(180) });
    const id = String(sub.body.id);
    emulator.sendReauthorizationRequired(id);
    await emulator.settle();
    expect(receiver.notifications('/lifecycle-events')).toHaveLength(1);
    expect(receiver.notifications('/lifecycle-events')[0]).toMatchObject({ subscriptionId: id, lifecycleEvent: 'reauthorizationRequired', clientState: 'secret-state', tenantId: emulator.tenantId });
    expect((await call('POST', `/v1.0/subscriptions/${id}/reauthorize`)).status).toBe(204);
    const renewed = await call('PATCH', `/v1.0/subscriptions/${id}`, { expirationDateTime: inMinutes(4000) });
    expect(renewed.status).toBe(200);
    expect(Date.parse(String(renewed.body.expirationDateTime))).toBeGreaterThan(emulator.now().getTime() + 3999 * 60_000);
    expect((await call('PATCH', `/v1.0/subscriptions/${id}`, { lifecycleNotificationUrl: `${receiver.url}/x` })).status).toBe(400);
    expect((await call('DELETE', `/v1.0/subscriptions/${id}`)).status).toBe(204);
    expect((await call('GET', `/v1.0/subscriptions/${id}`)).status).toBe(404);
  });

  it('when a subscription is about to expire, then reauthorizationRequired is sent ahead of the expiry', async () => {
    const short = await startEmulator({ seed: 11, throttle: false, notificationTiming: { reauthorizationLeadMs: 60 * 60_000 - 200 } });
    try {
      const shortToken = await short.appToken(['CallRecords.Read.All']);
      const response = await fetch(`${short.baseUrl}/v1.0/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${shortToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ changeType: 'created', notificationUrl: `${receiver.url}/n2`, lifecycleNotificationUrl: `${receiver.url}/expiring`, resource: '/communications/callRecords', expirationDateTime: new Date(short.now().getTime() + 60 * 60_000).toISOString(), clientState: 's' }),
      });
      expect(response.status).toBe(201);
      await vi.waitFor(() => expect(receiver.notifications('/expiring').map((n) => n.lifecycleEvent)).toEqual(['reauthorizationRequired']), WAIT);
    } finally {
      await short.close();
    }
  });

  it('when the body is missing required fields or asks for another resource, then it is a 400 naming the problem', async () => {
    expect(((await call('POST', '/v1.0/subscriptions', { notificationUrl: `${receiver.url}/n`, resource: '/communications/callRecords', expirationDateTime: inMinutes(10) })).body.error as Json).message).toMatch(/changeType/);
    expect((await subscribe({ resource: '/me/messages' })).status).toBe(400);
    expect((await subscribe({ changeType: 'deleted' })).status).toBe(400);
    expect((await subscribe({ notificationUrl: 'http://example.com/hook' })).status).toBe(400);
  });
});
