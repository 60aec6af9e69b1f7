// The emulator's clock moved on by an admin route (issue #11, item 12): renewal, expiry, the
// 30-day retention and notification latency are tested without waiting for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphGet } from '../emulator/testing/graphFetch.js';
import { startWebhookReceiver, type WebhookReceiver } from '../emulator/testing/webhookReceiver.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;
const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

async function advance(emulator: EmulatorHandle, seconds: number): Promise<Json> {
  const response = await fetch(`${emulator.baseUrl}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: seconds }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

async function call(emulator: EmulatorHandle, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  // A fresh token each time: an advanced clock expires the earlier ones (3,599 s), as Entra's would.
  const token = await emulator.appToken(['CallRecords.Read.All']);
  const response = await fetch(`${emulator.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

describe('emulator clock', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('when the clock is advanced past 30 days after a call, then the record is gone from every route and from the ground truth', async () => {
    const emulator = await startEmulator({ seed: 5, throttle: false });
    try {
      const newest = emulator.tenant!.records.reduce((a, b) => (String(a.endDateTime) > String(b.endDateTime) ? a : b));
      const id = String(newest.id);
      const routes = [`/v1.0/communications/callRecords/${id}`, `/v1.0/communications/callRecords/${id}/sessions`, `/v1.0/communications/callRecords/${id}/participants_v2`, `/v1.0/communications/callRecords/${id}/organizer_v2`, `/beta/communications/callRecords/${id}?$expand=sessions($expand=segments)`];
      for (const path of routes) expect((await graphGet(emulator, path)).status, path).toBe(200);

      const before = emulator.now().getTime();
      const moved = await advance(emulator, (Date.parse(String(newest.endDateTime)) + 30 * DAY - before) / 1000 + 60);
      expect(Date.parse(String(moved.now))).toBeGreaterThan(before + 29 * DAY);
      expect(emulator.now().getTime()).toBeGreaterThan(before + 29 * DAY);

      for (const path of routes) expect((await graphGet(emulator, path)).status, path).toBe(404);
      const list = await graphGet<{ value: Json[] }>(emulator, '/v1.0/communications/callRecords?$select=id');
      expect(list.status).toBe(200);
      expect(list.body.value).toEqual([]);
      const truth = (await (await fetch(`${emulator.baseUrl}/_emulator/ground-truth`)).json()) as { callId: string }[];
      expect(truth.map((t) => t.callId)).not.toContain(id);
    } finally {
      await emulator.close();
    }
  });

  it('when the clock reaches an hour before a subscription expires, then reauthorizationRequired is sent; a renewal keeps it; past its expiry it is gone', async () => {
    const emulator = await startEmulator({ seed: 5, throttle: false });
    try {
      const expiry = (minutes: number): string => new Date(emulator.now().getTime() + minutes * MINUTE).toISOString();
      const created = await call(emulator, 'POST', '/v1.0/subscriptions', { changeType: 'created', notificationUrl: `${receiver.url}/clock-notify`, lifecycleNotificationUrl: `${receiver.url}/clock-lifecycle`, resource: '/communications/callRecords', expirationDateTime: expiry(4_200), clientState: 'clock-state' });
      expect(created.status).toBe(201);
      const id = String(created.body.id);

      await advance(emulator, (4_200 - 61) * 60);
      await emulator.settle();
      expect(receiver.notifications('/clock-lifecycle')).toEqual([]);
      await advance(emulator, 2 * 60);
      await emulator.settle();
      expect(receiver.notifications('/clock-lifecycle')).toEqual([expect.objectContaining({ subscriptionId: id, lifecycleEvent: 'reauthorizationRequired' })]);

      expect((await call(emulator, 'PATCH', `/v1.0/subscriptions/${id}`, { expirationDateTime: expiry(4_200) })).status).toBe(200);
      await advance(emulator, 4_000 * 60);
      expect((await call(emulator, 'GET', `/v1.0/subscriptions/${id}`)).status).toBe(200);
      await advance(emulator, 201 * 60);
      expect((await call(emulator, 'GET', `/v1.0/subscriptions/${id}`)).status).toBe(404);
    } finally {
      await emulator.close();
    }
  });

  it('when notifications are delayed, then nothing is delivered before the delay and the notification arrives once the clock reaches it', async () => {
    const emulator = await startEmulator({ seed: 5, throttle: false, notificationTiming: { notificationLatencyMs: 30 * MINUTE } });
    try {
      const created = await call(emulator, 'POST', '/v1.0/subscriptions', { changeType: 'created', notificationUrl: `${receiver.url}/delayed`, resource: '/communications/callRecords', expirationDateTime: new Date(emulator.now().getTime() + 600 * MINUTE).toISOString(), clientState: 'delayed-state' });
      expect(created.status).toBe(201);
      const template = emulator.tenant!.records[3]!;
      const start = emulator.now().getTime() - 20 * MINUTE;
      await emulator.addRecord({ ...template, id: '0c10c0de-0000-4000-8000-000000000001', version: 1, startDateTime: new Date(start).toISOString(), endDateTime: new Date(start + 10 * MINUTE).toISOString() });

      await advance(emulator, 29 * 60);
      expect(receiver.notifications('/delayed')).toEqual([]);
      await advance(emulator, 2 * 60);
      await emulator.settle();
      expect(receiver.notifications('/delayed')).toEqual([expect.objectContaining({ changeType: 'created', resource: 'communications/callRecords/0c10c0de-0000-4000-8000-000000000001' })]);
    } finally {
      await emulator.close();
    }
  });
});
