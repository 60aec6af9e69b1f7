import { describe, expect, it } from 'vitest';
import { GraphInputError, GraphUnavailableError } from '../errors.js';
import { graphErrorResponse, json, route, scriptedFetch, type ScriptedFetch, graphServicesOver } from '../testing/index.js';

const SUB = '7f105c7d-2dc5-4530-97cd-4e7ae6534c07';
const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';
const NOW = new Date('2026-11-20T12:00:00Z');

function subscriptionsOver(graph: ScriptedFetch) {
  return graphServicesOver(graph, { now: () => NOW }).subscriptions;
}

const echo = route('POST', /\/v1\.0\/subscriptions$/, json({ id: SUB, resource: '/communications/callRecords', changeType: 'created,updated', notificationUrl: 'https://x/n', expirationDateTime: 'later', clientState: 'c' }, 201));

describe('subscriptions', () => {
  it('when created for two people with too long a lifetime, then the participants filter is sent and expiry capped at 4,200 minutes (Graph\'s 4,230 less a margin)', async () => {
    const graph = scriptedFetch(echo);

    const created = await subscriptionsOver(graph).create({ notificationUrl: 'https://cd.example/api/notifications', clientState: 'state', participantIds: [ALICE, BOB], expiresInMinutes: 10_000 });
    expect(created.id).toBe(SUB);
    expect(JSON.parse(graph.seen[0]!.body!)).toMatchObject({
      resource: `/communications/callRecords?$filter=participants/any(p:p/id eq '${ALICE}' or p/id eq '${BOB}')`,
      changeType: 'created,updated',
      expirationDateTime: new Date(NOW.getTime() + 4200 * 60_000).toISOString(),
      clientState: 'state',
    });
  });

  it('when the notification URL is plain http on the internet or a participant id is not an id, then nothing is sent', async () => {
    const graph = scriptedFetch(echo);
    const subscriptions = subscriptionsOver(graph);

    await expect(subscriptions.create({ notificationUrl: 'http://cd.example/n', clientState: 's' })).rejects.toThrow(/notificationUrl must be an https URL/);
    await expect(subscriptions.create({ notificationUrl: 'https://cd.example/n', clientState: 's', participantIds: ["x') or true"] })).rejects.toBeInstanceOf(GraphInputError);
    expect(graph.seen).toHaveLength(0);
  });

  it('when renewed, reauthorized and removed, then PATCH, POST .../reauthorize and DELETE go to that subscription; removing a gone one is fine', async () => {
    const graph = scriptedFetch(
      route('PATCH', new RegExp(`/subscriptions/${SUB}$`), json({ id: SUB, resource: '/communications/callRecords', expirationDateTime: 'x' })),
      route('POST', /\/reauthorize$/, new Response(null, { status: 204 })),
      route('DELETE', new RegExp(`/subscriptions/${SUB}$`), graphErrorResponse(404, 'ResourceNotFound')),
    );
    const subscriptions = subscriptionsOver(graph);

    await subscriptions.renew(SUB, 60);
    await subscriptions.reauthorize(SUB);
    await subscriptions.remove(SUB);
    expect(graph.seen.map((r) => r.method)).toEqual(['PATCH', 'POST', 'DELETE']);
    expect(JSON.parse(graph.seen[0]!.body!)).toEqual({ expirationDateTime: '2026-11-20T13:00:00.000Z' });
  });

  it('when creating meets a 503, then the POST is not sent again: the first may have been applied', async () => {
    const graph = scriptedFetch(route('POST', /\/v1\.0\/subscriptions$/, graphErrorResponse(503, 'serviceNotAvailable', { 'retry-after': '0' }), json({ id: SUB }, 201)));

    await expect(subscriptionsOver(graph).create({ notificationUrl: 'https://cd.example/n', clientState: 's' })).rejects.toBeInstanceOf(GraphUnavailableError);
    expect(graph.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('when Graph answers 409 because the subscription exists, then the existing one for the same resource, change types and URL is returned', async () => {
    const existing = { id: SUB, resource: `/communications/callRecords?$filter=participants/any(p:p/id eq '${ALICE}')`, changeType: 'updated,created', notificationUrl: 'https://cd.example/n', expirationDateTime: 'later' };
    const graph = scriptedFetch(
      route('POST', /\/v1\.0\/subscriptions$/, graphErrorResponse(409, 'Conflict')),
      route('GET', /\/v1\.0\/subscriptions$/, json({ value: [{ ...existing, id: 'elsewhere', notificationUrl: 'https://other.example/n' }, existing] })),
    );

    const created = await subscriptionsOver(graph).create({ notificationUrl: 'https://cd.example/n', clientState: 's', participantIds: [ALICE] });
    expect(created.id).toBe(SUB);
    expect(graph.seen.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('when Graph answers 409 and no subscription of this app matches, then the conflict reaches the caller', async () => {
    const graph = scriptedFetch(route('POST', /\/v1\.0\/subscriptions$/, graphErrorResponse(409, 'Conflict')), route('GET', /\/v1\.0\/subscriptions$/, json({ value: [] })));

    await expect(subscriptionsOver(graph).create({ notificationUrl: 'https://cd.example/n', clientState: 's' })).rejects.toMatchObject({ status: 409 });
  });

  it('when listed, then only call-record subscriptions come back', async () => {
    const graph = scriptedFetch(route('GET', /\/subscriptions$/, json({ value: [{ id: SUB, resource: 'communications/callRecords' }, { id: 'other', resource: '/me/messages' }] })));

    expect((await subscriptionsOver(graph).list()).map((s) => s.id)).toEqual([SUB]);
  });

  describe('lifetime and renewal, on a clock the test moves', () => {
    const graphNow = new Date('2026-11-20T12:00:00Z').getTime();
    /** Graph on its own clock: more than 4,230 minutes ahead of it is a 400, as the service answers. */
    function graphWithClock(graphClock: () => number) {
      const answer = (body: string | undefined, status: number): Response => {
        const expiration = (JSON.parse(body ?? '{}') as { expirationDateTime?: string }).expirationDateTime ?? '';
        if (Date.parse(expiration) > graphClock() + 4230 * 60_000) return graphErrorResponse(400, 'ExtensionError', {}, 'Subscription expiration can only be 4230 minutes in the future.');
        return json({ id: SUB, resource: '/communications/callRecords', changeType: 'created,updated', notificationUrl: 'https://cd.example/n', expirationDateTime: expiration, clientState: 's' }, status);
      };
      const seen: string[] = [];
      const graph = scriptedFetch((request) => {
        if (!/\/v1\.0\/subscriptions/.test(request.url)) return undefined;
        seen.push(request.method);
        return answer(request.body, request.method === 'POST' ? 201 : 200);
      });
      return { graph, seen };
    }

    it('when this server\'s clock runs 25 minutes ahead of Graph\'s, then a subscription with the default lifetime is still accepted', async () => {
      const { graph } = graphWithClock(() => graphNow);
      const aheadOfGraph = new Date(graphNow + 25 * 60_000);
      const subscriptions = graphServicesOver(graph, { now: () => aheadOfGraph }).subscriptions;

      const created = await subscriptions.create({ notificationUrl: 'https://cd.example/n', clientState: 's' });
      expect(Date.parse(created.expirationDateTime)).toBe(aheadOfGraph.getTime() + 4200 * 60_000);
      await expect(subscriptions.renew(SUB)).resolves.toMatchObject({ id: SUB });
    });

    it('when time passes, then renewal waits until a day before expiry and then extends it by 4,200 minutes, long before it lapses', async () => {
      let clock = graphNow;
      const { graph, seen } = graphWithClock(() => clock);
      const subscriptions = graphServicesOver(graph, { now: () => new Date(clock) }).subscriptions;
      let subscription = await subscriptions.create({ notificationUrl: 'https://cd.example/n', clientState: 's' });
      const firstExpiry = Date.parse(subscription.expirationDateTime);

      clock += 60 * 60_000;
      const early = await subscriptions.renewIfDue(subscription);
      expect(early.renewed).toBe(false);
      expect(early.renewAt.getTime()).toBe(firstExpiry - 24 * 60 * 60_000);
      expect(seen).toEqual(['POST']);

      clock = early.renewAt.getTime() - 1;
      expect((await subscriptions.renewIfDue(subscription)).renewed).toBe(false);
      clock = early.renewAt.getTime();
      const due = await subscriptions.renewIfDue(subscription);
      expect(due.renewed).toBe(true);
      expect(seen).toEqual(['POST', 'PATCH']);
      subscription = due.subscription;
      expect(Date.parse(subscription.expirationDateTime)).toBe(clock + 4200 * 60_000);
      // A whole day was left when it renewed, and the next renewal is again a day before the new expiry.
      expect(firstExpiry - clock).toBe(24 * 60 * 60_000);
      expect(due.renewAt.getTime()).toBe(Date.parse(subscription.expirationDateTime) - 24 * 60 * 60_000);
    });

    it('when less than a day is left or the expiry is unreadable, then it renews at once', async () => {
      const { graph, seen } = graphWithClock(() => graphNow);
      const subscriptions = graphServicesOver(graph, { now: () => new Date(graphNow) }).subscriptions;
      const base = { id: SUB, resource: '/communications/callRecords', changeType: 'created', notificationUrl: 'https://cd.example/n', lifecycleNotificationUrl: null, clientState: null };

      expect((await subscriptions.renewIfDue({ ...base, expirationDateTime: new Date(graphNow + 60 * 60_000).toISOString() })).renewed).toBe(true);
      expect((await subscriptions.renewIfDue({ ...base, expirationDateTime: 'later' })).renewed).toBe(true);
      expect(seen).toEqual(['PATCH', 'PATCH']);
    });
  });
});
