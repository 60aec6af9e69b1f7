// Reports (90-day windows, paging, one user) and subscriptions (create, list, renew,
// reauthorize, notify, remove) through graph/ against the emulator.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('reports and subscriptions against the emulator', () => {
  let emulator: EmulatorHandle;
  let webhook: Server;
  let webhookUrl: string;
  const received: { value: { resource: string; clientState: string }[] }[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, strict: true, throttle: false });
    // The subscriber's endpoint: answers Graph's validation handshake, then collects notifications.
    webhook = createServer((req, res) => {
      const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('validationToken');
      if (token !== null) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as (typeof received)[number]);
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/api/notifications`;
  });
  afterAll(async () => {
    await emulator.close();
    await new Promise((resolve) => webhook.close(resolve));
  });

  it('when PSTN calls are asked for over 200 days, then every row in range comes back once, across 90-day windows', async () => {
    const graph = graphOverEmulator(emulator);
    const to = emulator.now();
    const from = new Date(to.getTime() - 200 * DAY_MS);
    await clearRequestsSettled(emulator);

    const rows = await graph.callRecords.pstnCalls({ from, to });
    const expected = (emulator.tenant!.pstnCalls as { id: string; startDateTime: string }[]).filter((r) => Date.parse(r.startDateTime) >= from.getTime() && Date.parse(r.startDateTime) <= to.getTime());
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(await graphRequests(emulator, 'getPstnCalls')).toHaveLength(3);
  });

  it('when Direct Routing calls of one user are asked for, then only that user\'s rows come back', async () => {
    const graph = graphOverEmulator(emulator);
    const all = emulator.tenant!.directRoutingCalls as { id: string; userId: string | null }[];
    const userId = all.find((r) => r.userId)!.userId!;
    const range = { from: new Date(emulator.now().getTime() - 30 * DAY_MS), to: emulator.now() };

    const rows = await graph.callRecords.directRoutingCalls(range, { userId });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.userId === userId)).toBe(true);
    expect(rows.length).toBeLessThan((await graph.callRecords.directRoutingCalls(range)).length);
  });

  it('when the beta-only reports are asked for, then each returns exactly the tenant\'s SMS, blocked-user and dial-out data in range', async () => {
    const graph = graphOverEmulator(emulator);
    const range = { from: new Date(emulator.now().getTime() - 60 * DAY_MS), to: emulator.now() };
    const inRange = (iso: unknown): boolean => Date.parse(String(iso)) >= range.from.getTime() && Date.parse(String(iso)) <= range.to.getTime();
    const tenant = emulator.tenant!;
    const expectedSms = tenant.smsLog.filter((r) => inRange(r.sentDateTime));
    const expectedBlocked = tenant.blockedUsers.filter((r) => inRange(r.blockDateTime));
    const expectedDialout = tenant.dialoutReport.filter((c) => inRange(c.callDateTime));
    expect([expectedSms.length, expectedBlocked.length, expectedDialout.length].every((n) => n > 0)).toBe(true);

    const [sms, blocked, dialout] = await Promise.all([graph.callRecords.smsLog(range), graph.callRecords.blockedUsersLog(range), graph.callRecords.onlineMeetingDialoutReport(range)]);

    expect(sms.map((r) => r.id).sort()).toEqual(expectedSms.map((r) => String(r.id)).sort());
    const blockKey = (r: { userId?: unknown; remediationId?: unknown; userBlockMode?: unknown }) => `${String(r.userId)}|${String(r.remediationId)}|${String(r.userBlockMode)}`;
    expect(blocked.map(blockKey).sort()).toEqual(expectedBlocked.map(blockKey).sort());
    // The dial-out report is aggregated per user (and location, destination, currency): its totals are the calls in range.
    const callsPerUser = (rows: readonly { userId?: string | null; totalCalls?: number | null }[]) =>
      Object.fromEntries([...new Set(rows.map((r) => r.userId))].map((id) => [id, rows.filter((r) => r.userId === id).reduce((n, r) => n + (r.totalCalls ?? 0), 0)]));
    expect(callsPerUser(dialout)).toEqual(callsPerUser(expectedDialout.map((c) => ({ userId: c.userId, totalCalls: 1 }))));
    expect(dialout.reduce((sum, r) => sum + (r.totalCallSeconds ?? 0), 0)).toBe(expectedDialout.reduce((sum, c) => sum + c.seconds, 0));
  });

  it('when a subscription for one person is created (twice), renewed and reauthorized, then a call of theirs is notified and fetchable, and remove ends it', async () => {
    const graph = graphOverEmulator(emulator);
    const userId = emulator.tenant!.demoUserId;

    const request = { notificationUrl: webhookUrl, clientState: 'graph-test-state', participantIds: [userId], changeType: 'created' } as const;
    const created = await graph.subscriptions.create(request);
    expect(created.resource).toContain(userId);
    // Creating it again (a restart) meets Graph's 409 and finds the one that exists.
    expect((await graph.subscriptions.create(request)).id).toBe(created.id);
    expect((await graph.subscriptions.list()).map((s) => s.id)).toContain(created.id);
    const renewed = await graph.subscriptions.renew(created.id, 60);
    expect(Date.parse(renewed.expirationDateTime)).toBeLessThanOrEqual(emulator.now().getTime() + 61 * 60_000);
    await graph.subscriptions.reauthorize(created.id);

    const template = (emulator.tenant!.records as { id: string; participants_v2: { id: string }[] }[]).find((r) => r.participants_v2.some((p) => p.id === userId))!;
    const newId = '0bd0c0de-0000-4000-8000-0000000000b2';
    await emulator.addRecord({ ...template, id: newId });
    while (!received.some((n) => n.value.some((v) => v.resource.endsWith(newId)))) await new Promise((resolve) => setTimeout(resolve, 20));
    const notified = await graph.feed.recordNotified(newId);
    expect(notified).toMatchObject({ isNewVersion: true, record: { id: newId } });

    await graph.subscriptions.remove(created.id);
    expect((await graph.subscriptions.list()).map((s) => s.id)).not.toContain(created.id);
  });
});
