import { describe, expect, it, vi } from 'vitest';
import type { BudgetOptions } from '../budget/graphBudget.js';
import { CallRecordNotFoundError, GraphInputError } from '../errors.js';
import { graphErrorResponse, json, route, scriptedFetch, type ScriptedFetch, graphServicesOver } from '../testing/index.js';

const BASE = 'https://graph.example.test/v1.0/communications/callRecords';
const CALL = 'e523d2ed-2966-4b6b-925b-754a88034cc5';
const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';

const user = (id: string, name: string) => ({ id, identity: { user: { id, displayName: name }, acsUser: null, spoolUser: null } });
const listEntry = (id: string, start: string, version = 1) => ({ id, version, type: 'peerToPeer', modalities: ['audio'], startDateTime: start, endDateTime: start, organizer_v2: user(ALICE, 'Alice') });

// These scripts answer the combined query forms (opted in); documentedQueries.test.ts covers the default ones.
function services(graph: ScriptedFetch, clock = { now: new Date('2026-11-20T12:00:00Z') }, budget?: BudgetOptions) {
  return { ...graphServicesOver(graph, { now: () => clock.now, combinedQueries: true, ...(budget && { budget }) }), clock };
}

/** A meeting whose sessions and participants come in two pages each. */
function pagedMeeting(version: number): ScriptedFetch {
  return scriptedFetch(
    route('GET', new RegExp(`${CALL}\\?\\$expand=`), json({
      id: CALL, version, type: 'groupCall', modalities: ['audio'], startDateTime: '2026-11-20T09:00:00Z', endDateTime: '2026-11-20T10:00:00Z',
      organizer_v2: user(ALICE, 'Alice'),
      sessions: [{ id: 's1', segments: [{ id: 'g1' }] }],
      'sessions@odata.nextLink': `${BASE}/${CALL}/sessions?$expand=segments&$skiptoken=p2`,
      participants_v2: [user(ALICE, 'Alice')],
      'participants_v2@odata.nextLink': `${BASE}/${CALL}/participants_v2?$skiptoken=p2`,
    })),
    route('GET', /sessions\?\$expand=segments&\$skiptoken=p2$/, json({ value: [{ id: 's2', segments: [{ id: 'g2' }] }] })),
    route('GET', /participants_v2\?\$skiptoken=p2$/, json({ value: [user(BOB, 'Bob'), { id: '+15550100', identity: { phone: { id: '+15550100' } } }] })),
  );
}

describe('call records', () => {
  it('when a record spans several pages, then getCall returns every session and participant, without continuation links', async () => {
    const { callRecords } = services(pagedMeeting(1));

    const record = await callRecords.getCall(CALL);
    expect(record.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(record.participants_v2.map((p) => p.id)).toEqual([ALICE, BOB, '+15550100']);
    expect(Object.keys(record).filter((k) => k.includes('nextLink'))).toEqual([]);
  });

  it('when the same record is asked for again, then it is served from the cache without a request', async () => {
    const graph = pagedMeeting(1);
    const { callRecords } = services(graph);
    await callRecords.getCall(CALL);
    const sent = graph.seen.length;

    await callRecords.getCall(CALL);
    expect(graph.seen).toHaveLength(sent);
  });

  it('when a newer version is asked for, then the record is fetched again', async () => {
    const graph = pagedMeeting(1);
    const { callRecords } = services(graph);
    await callRecords.getCall(CALL);
    graph.on(route('GET', new RegExp(`${CALL}\\?\\$expand=`), json({ id: CALL, version: 2, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [] })));

    expect((await callRecords.getCall(CALL, { minVersion: 2 })).version).toBe(2);
  });

  it('when two people ask for the same record at once, then it is fetched once', async () => {
    const graph = pagedMeeting(1);
    const { callRecords } = services(graph);

    await Promise.all([callRecords.getCall(CALL), callRecords.getCall(CALL)]);
    expect(graph.seen.filter((r) => r.url.includes(`${CALL}?$expand=`))).toHaveLength(1);
  });

  it('when a person asks for a record whose notification fetch is queued behind background work, then they do not wait for it', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T12:00:00Z') });
    try {
      const other = '0bd0c0de-0000-4000-8000-0000000000c3';
      const graph = scriptedFetch(route('GET', /\$expand=/, (() => {
        let n = 0;
        return () => json({ id: n++ === 0 ? other : CALL, version: 1, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [] });
      })()));
      // Background may use one request of the app's five per window; people get the rest.
      const fakeClock = { get now() { return new Date(); } };
      const { callRecords, feed, budgetSnapshot } = services(graph, fakeClock, { limits: { callRecords: { limit: 5, windowMs: 20_000 } }, backgroundShare: 0.2 });
      const first = feed.recordNotified(other);
      await vi.advanceTimersByTimeAsync(10);
      await first;
      const queued = feed.recordNotified(CALL);
      await vi.advanceTimersByTimeAsync(10);
      expect(budgetSnapshot().waiting.background).toBe(1);

      const asked = callRecords.getCall(CALL);
      await vi.advanceTimersByTimeAsync(10);
      expect((await asked).id).toBe(CALL);
      expect(budgetSnapshot().waiting.background).toBe(1);
      await vi.advanceTimersByTimeAsync(20_100);
      await queued;
    } finally {
      vi.useRealTimers();
    }
  });

  it('when Graph does not know the record, then CallRecordNotFoundError names the id', async () => {
    const { callRecords } = services(scriptedFetch(route('GET', /callRecords\//, graphErrorResponse(404, 'NotFound'))));

    await expect(callRecords.getCall(CALL)).rejects.toSatisfy((e) => e instanceof CallRecordNotFoundError && e.callId === CALL && e.requestId === 'req-NotFound');
  });

  it('when Graph adds properties and enum members this code has never seen, then they pass through and the call is still indexed', async () => {
    const graph = scriptedFetch(route('GET', /\$expand=/, json({
      id: CALL, version: 1, type: 'holographicCall', modalities: ['audio', 'telepathy'], startDateTime: '2026-11-20T09:00:00Z', endDateTime: '2026-11-20T09:05:00Z',
      futureProperty: { nested: [1, 2] },
      sessions: [{ id: 's1', caller: { '@odata.type': '#microsoft.graph.callRecords.futureEndpoint', brandNew: true } }],
      participants_v2: [user(BOB, 'Bob'), { id: 'x1', identity: { spoolUser: { id: 'x1', displayName: 'Someone new' } } }],
    })));
    const { callRecords, index } = services(graph);

    const record = await callRecords.getCall(CALL);
    expect(record).toMatchObject({ type: 'holographicCall', futureProperty: { nested: [1, 2] }, sessions: [{ caller: { brandNew: true } }] });
    const [summary] = await index.recent(BOB, { since: new Date(0) });
    expect(summary).toMatchObject({ type: 'holographicCall', modalities: ['audio', 'telepathy'] });
    expect(summary!.counterparts?.people).toContainEqual({ id: 'x1', displayName: 'Someone new', kind: 'unknown' });
  });

  it('when the id is not a GUID, then a GraphInputError says so and nothing is sent', async () => {
    const graph = scriptedFetch();
    const { callRecords } = services(graph);

    await expect(callRecords.getCall("x'/../users")).rejects.toBeInstanceOf(GraphInputError);
    expect(graph.seen).toHaveLength(0);
  });

  it('when Graph rejects both expansions in one request, then participants are listed on their own', async () => {
    const graph = scriptedFetch(
      route('GET', /\$expand=sessions\(\$expand=segments\),participants_v2$/, graphErrorResponse(400, 'BadRequest', {}, 'Parsing Select and Expand failed.')),
      route('GET', /\$expand=sessions\(\$expand=segments\)$/, json({ id: CALL, version: 1, startDateTime: '2026-11-20T09:00:00Z', sessions: [{ id: 's1' }] })),
      route('GET', /\/participants_v2$/, json({ value: [user(ALICE, 'Alice')] })),
    );
    const { callRecords } = services(graph);

    expect((await callRecords.getCall(CALL)).participants_v2).toHaveLength(1);
  });

  const versionProbe = (version: number) => route('GET', new RegExp(`${CALL}\\?\\$select=id,version$`), json({ id: CALL, version }));

  it('when Graph answers 400 for a reason other than the expansion, then the caller gets the error and later records are still asked for with both expansions', async () => {
    const whole = { id: CALL, version: 1, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [user(ALICE, 'Alice')] };
    const graph = scriptedFetch(
      route('GET', /\$expand=sessions\(\$expand=segments\),participants_v2$/, graphErrorResponse(400, 'BadRequest', {}, "Resource not found for the segment 'x'."), json(whole)),
      route('GET', /\$expand=sessions\(\$expand=segments\)$/, json({ ...whole, participants_v2: undefined })),
      route('GET', /\/participants_v2$/, json({ value: [] })),
    );
    const { callRecords } = services(graph);

    await expect(callRecords.getCall(CALL)).rejects.toMatchObject({ status: 400 });
    expect((await callRecords.getCall(CALL)).participants_v2).toHaveLength(1);
    expect(graph.seen.map((r) => decodeURIComponent(r.url).endsWith(',participants_v2'))).toEqual([true, true]);
  });

  it('when a notification names a version a person fetched first, then one $select probe confirms it and it is still new to the alerts, once', async () => {
    const graph = pagedMeeting(1);
    graph.on(versionProbe(1));
    const { callRecords, feed } = services(graph);
    await callRecords.getCall(CALL);
    const sent = graph.seen.length;

    expect((await feed.recordNotified(CALL)).isNewVersion).toBe(true);
    // Graph sends created and updated for one version: the second is not news.
    expect((await feed.recordNotified(CALL)).isNewVersion).toBe(false);
    expect(graph.seen.slice(sent).map((r) => r.url)).toEqual([`${BASE}/${CALL}?$select=id,version`, `${BASE}/${CALL}?$select=id,version`]);
  });

  it('when a notification names a cached record that Graph has revised, then the probe is followed by the whole new version', async () => {
    const graph = pagedMeeting(1);
    const { callRecords, feed, cache } = services(graph);
    await callRecords.getCall(CALL);
    graph.on(versionProbe(2));
    graph.on(route('GET', new RegExp(`${CALL}\\?\\$expand=`), json({ id: CALL, version: 2, startDateTime: '2026-11-20T09:00:00Z', endDateTime: '2026-11-20T10:00:00Z', sessions: [], participants_v2: [] })));

    const notified = await feed.recordNotified(CALL);
    expect(notified).toMatchObject({ isNewVersion: true, record: { version: 2 } });
    expect((await cache.get(CALL))?.version).toBe(2);
  });

  it('when a notification names a record not seen before, then it is fetched whole, cached and indexed for every user in it', async () => {
    const { feed, index, cache } = services(pagedMeeting(3));

    const notified = await feed.recordNotified(CALL);
    expect(notified.isNewVersion).toBe(true);
    expect((await cache.get(CALL))?.version).toBe(3);
    const bobs = await index.recent(BOB, { since: new Date(0) });
    // Bob's row names the others on the call, not Bob himself.
    expect(bobs.map((c) => [c.id, c.version, c.counterparts?.people.map((p) => p.displayName), c.counterparts?.total])).toEqual([[CALL, 3, ['Alice', null], 2]]);
  });
});

describe('freshness and coverage', () => {
  const CAROL = 'ca201000-0000-4000-8000-000000000003';
  const OWEN = 'f69e2c00-0000-0000-0000-185e5f5f5d8a';
  const record = (version: number, end: string, extra: object = {}) => ({
    id: CALL, version, type: 'groupCall', modalities: ['audio'], startDateTime: '2026-11-20T11:00:00Z', endDateTime: end,
    organizer_v2: user(ALICE, 'Alice'), sessions: [], participants_v2: [user(ALICE, 'Alice'), user(BOB, 'Bob')], ...extra,
  });
  const fullRoute = (...bodies: object[]) => route('GET', new RegExp(`${CALL}\\?\\$expand=`), ...bodies.map((b) => json(b)));
  const probe = (version: number) => route('GET', new RegExp(`${CALL}\\?\\$select=id,version$`), json({ id: CALL, version }));

  it('when a cached record ended under two hours ago, then getCall probes its version and serves Graph\'s revision', async () => {
    const graph = scriptedFetch(fullRoute(record(1, '2026-11-20T11:30:00Z')));
    const { callRecords } = services(graph);
    await callRecords.getCall(CALL);
    graph.on(probe(1));

    expect((await callRecords.getCall(CALL)).version).toBe(1);
    expect(graph.seen.at(-1)!.url).toBe(`${BASE}/${CALL}?$select=id,version`);
    graph.on(probe(2));
    graph.on(fullRoute(record(2, '2026-11-20T11:30:00Z')));
    expect((await callRecords.getCall(CALL)).version).toBe(2);
  });

  it('when a cached record ended long ago, then getCall serves it without asking Graph', async () => {
    const graph = scriptedFetch(fullRoute(record(1, '2026-11-20T11:30:00Z')));
    const { callRecords, clock } = services(graph);
    await callRecords.getCall(CALL);
    clock.now = new Date('2026-11-20T16:00:00Z');

    await callRecords.getCall(CALL);
    expect(graph.seen).toHaveLength(1);
  });

  it('when a listed call answers 404, then its index entry goes, so asking again costs no GET', async () => {
    const graph = scriptedFetch(
      route('GET', /\/callRecords\?\$filter=/, json({ value: [listEntry(CALL, '2026-11-20T09:00:00Z')] })),
      route('GET', /callRecords\/[0-9a-f-]+\?/, graphErrorResponse(404, 'NotFound')),
    );
    const { callRecords, index } = services(graph);
    expect((await callRecords.recentCalls(BOB)).map((c) => c.id)).toEqual([CALL]);

    await expect(callRecords.getCall(CALL)).rejects.toBeInstanceOf(CallRecordNotFoundError);
    expect(await callRecords.recentCalls(BOB)).toEqual([]);
    expect(await index.recent(ALICE, { since: new Date(0) })).toEqual([]);
    expect(graph.seen).toHaveLength(2);
  });

  it('when a young cached record has been deleted, then the probe\'s 404 drops the cached record and every index entry', async () => {
    const graph = scriptedFetch(fullRoute(record(1, '2026-11-20T11:30:00Z')));
    const { callRecords, cache, index } = services(graph);
    await callRecords.getCall(CALL);
    graph.on(route('GET', /callRecords\//, graphErrorResponse(404, 'NotFound')));

    await expect(callRecords.getCall(CALL)).rejects.toBeInstanceOf(CallRecordNotFoundError);
    expect(await cache.get(CALL)).toBeUndefined();
    expect(await index.recent(BOB, { since: new Date(0) })).toEqual([]);
    expect(await index.recent(ALICE, { since: new Date(0) })).toEqual([]);
  });

  it('when the index was listed "in the future" (a demo clock that restarted earlier), then it is not trusted as fresh', async () => {
    const graph = scriptedFetch(route('GET', /\/callRecords\?\$filter=/, json({ value: [] })));
    const { callRecords, index, clock } = services(graph);
    await index.setCoverage(BOB, { since: new Date('2026-10-01T00:00:00Z'), listedAt: new Date('2026-12-20T00:00:00Z') });

    await callRecords.recentCalls(BOB);
    expect(graph.seen).toHaveLength(1);
    expect((await index.getCoverage(BOB))?.listedAt).toEqual(clock.now);
  });

  it('when participants_v2 leaves people out, then the call is indexed under the users of every session and segment endpoint too', async () => {
    const endpoint = (id: string, name: string) => ({ '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', associatedIdentity: { id, displayName: name } });
    const legacy = (id: string, name: string) => ({ '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', identity: { user: { id, displayName: name } } });
    const graph = scriptedFetch(fullRoute(record(1, '2026-11-20T09:30:00Z', {
      participants_v2: [],
      sessions: [{ id: 's1', caller: endpoint(ALICE, 'Alice'), callee: endpoint(OWEN, 'Owen Franklin'), segments: [{ id: 'g1', caller: legacy(CAROL, 'Carol'), callee: endpoint(OWEN, 'Owen Franklin') }] }],
    })));
    const { callRecords, index } = services(graph);
    await callRecords.getCall(CALL);

    for (const person of [ALICE, OWEN, CAROL]) expect((await index.recent(person, { since: new Date(0) })).map((c) => c.id)).toEqual([CALL]);
  });
});

describe('recent calls', () => {
  const listRoute = (...pages: object[]) => {
    let n = 0;
    return route('GET', /\/callRecords\?\$filter=/, () => json(pages[Math.min(n++, pages.length - 1)]!));
  };

  it('when the index is cold, then the list API is paged to the end, filtered by the user, and newest comes first', async () => {
    const page2 = `${BASE}?$filter=x&$skiptoken=2`;
    const graph = scriptedFetch(
      route('GET', /\/callRecords\?\$filter=participants_v2/, json({ value: [listEntry('11111111-1111-4111-8111-111111111111', '2026-11-18T10:00:00Z')], '@odata.nextLink': page2 })),
      route('GET', /skiptoken=2$/, json({ value: [listEntry('22222222-2222-4222-8222-222222222222', '2026-11-19T10:00:00Z')] })),
    );
    const { callRecords } = services(graph);

    const calls = await callRecords.recentCalls(BOB);
    expect(calls.map((c) => c.id)).toEqual(['22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111']);
    expect(decodeURIComponent(graph.seen[0]!.url)).toContain(`participants_v2/any(p:p/id eq '${BOB}') and startDateTime ge 2026-10-21T12:00:00Z`);
    expect(graph.seen).toHaveLength(2);
  });

  it('when the index is warm, then the last call and its record cost at most one request', async () => {
    const graph = scriptedFetch(
      listRoute({ value: [listEntry(CALL, '2026-11-20T09:00:00Z')] }),
      route('GET', /\$expand=/, json({ id: CALL, version: 1, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [user(BOB, 'Bob')] })),
    );
    const { callRecords } = services(graph);
    await callRecords.recentCalls(BOB);
    const sent = graph.seen.length;

    const [last] = await callRecords.recentCalls(BOB, { limit: 1 });
    await callRecords.getCall(last!.id);
    expect(graph.seen.length - sent).toBe(1);
  });

  it('when the same person asks with their id in upper case, then the warm index still answers', async () => {
    const graph = scriptedFetch(listRoute({ value: [listEntry(CALL, '2026-11-20T09:00:00Z')] }));
    const { callRecords } = services(graph);
    await callRecords.recentCalls(BOB);

    expect((await callRecords.recentCalls(BOB.toUpperCase())).map((c) => c.id)).toEqual([CALL]);
    expect(graph.seen).toHaveLength(1);
  });

  it('when the index has gone stale, then only calls since the last listing (with overlap) are listed again', async () => {
    const graph = scriptedFetch(listRoute({ value: [] }));
    const { callRecords, clock } = services(graph);
    await callRecords.recentCalls(BOB);
    clock.now = new Date('2026-11-20T14:00:00Z');

    await callRecords.recentCalls(BOB);
    expect(graph.seen).toHaveLength(2);
    expect(decodeURIComponent(graph.seen[1]!.url)).toContain('startDateTime ge 2026-11-19T12:00:00Z');
  });

  it('when a listing shows a newer version of a cached record, then the next getCall fetches it again', async () => {
    const graph = scriptedFetch(
      listRoute({ value: [listEntry(CALL, '2026-11-20T09:00:00Z', 1)] }, { value: [listEntry(CALL, '2026-11-20T09:00:00Z', 2)] }),
      route('GET', /\$expand=/, json({ id: CALL, version: 1, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [user(BOB, 'Bob')] }), json({ id: CALL, version: 2, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [user(BOB, 'Bob')] })),
    );
    const { callRecords, clock } = services(graph);
    await callRecords.recentCalls(BOB);
    await callRecords.getCall(CALL);
    clock.now = new Date('2026-11-20T14:00:00Z');
    await callRecords.recentCalls(BOB);

    expect((await callRecords.getCall(CALL)).version).toBe(2);
  });

  it('when Graph rejects the combined filter, then the user filter is sent alone and the time window applied locally', async () => {
    const graph = scriptedFetch(
      route('GET', /and%20startDateTime/, graphErrorResponse(400, 'BadRequest', {}, 'Invalid filter clause')),
      route('GET', /\/callRecords\?\$filter=participants_v2[^&]*$/, json({ value: [listEntry(CALL, '2026-11-20T09:00:00Z'), listEntry('33333333-3333-4333-8333-333333333333', '2026-09-01T09:00:00Z')] })),
    );
    const { callRecords } = services(graph);

    expect((await callRecords.recentCalls(BOB)).map((c) => c.id)).toEqual([CALL]);
  });

  it('when Graph answers 400 to a combined filter for another reason, then the caller gets the error and the next listing still combines the filters', async () => {
    const graph = scriptedFetch(route('GET', /and%20startDateTime/, graphErrorResponse(400, 'BadRequest', {}, 'The $skiptoken is not valid.'), json({ value: [listEntry(CALL, '2026-11-20T09:00:00Z')] })));
    const { callRecords } = services(graph);

    await expect(callRecords.recentCalls(BOB)).rejects.toMatchObject({ status: 400 });
    expect((await callRecords.recentCalls(BOB)).map((c) => c.id)).toEqual([CALL]);
    expect(graph.seen.every((r) => r.url.includes('and%20startDateTime'))).toBe(true);
  });

  it('when a backfill lists a newer version of a cached record, then the cache lets it go and the organizer\'s index learns the call', async () => {
    const graph = scriptedFetch(
      route('GET', /\$expand=/, json({ id: CALL, version: 1, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [user(BOB, 'Bob')] })),
      route('GET', /\/callRecords\?\$filter=startDateTime/, json({ value: [listEntry(CALL, '2026-11-20T09:00:00Z', 2)] })),
    );
    const { callRecords, feed, cache, index } = services(graph);
    await callRecords.getCall(CALL);

    const listed: [string, number | null][] = [];
    await feed.backfill({ from: new Date('2026-11-20T08:00:00Z'), to: new Date('2026-11-20T10:00:00Z') }, { onPage: (page) => void listed.push(...page.calls.map((c): [string, number | null] => [c.id, c.version])) });
    expect(listed).toEqual([[CALL, 2]]);
    expect(await cache.get(CALL)).toBeUndefined();
    expect((await index.recent(ALICE, { since: new Date(0) })).map((c) => c.version)).toEqual([2]);
  });

  it('when the pipeline says the index is complete for the tenant, then a user who never asked gets their calls without a list request', async () => {
    const graph = scriptedFetch(route('GET', /\$expand=/, json({ id: CALL, version: 1, startDateTime: '2026-11-20T09:00:00Z', sessions: [], participants_v2: [user(BOB, 'Bob')] })));
    const { callRecords, feed } = services(graph);
    await feed.recordNotified(CALL);
    await feed.indexComplete({ since: new Date('2026-10-21T12:00:00Z'), listedAt: new Date('2026-11-20T12:00:00Z') });
    const sent = graph.seen.length;

    expect((await callRecords.recentCalls(BOB)).map((c) => c.id)).toEqual([CALL]);
    expect(graph.seen).toHaveLength(sent);
  });

  it('when the tenant-wide coverage has gone stale, then the user\'s calls are listed again since it was taken', async () => {
    const graph = scriptedFetch(listRoute({ value: [] }));
    const { callRecords, feed, clock } = services(graph);
    await feed.indexComplete({ since: new Date('2026-10-21T12:00:00Z'), listedAt: new Date('2026-11-20T12:00:00Z') });
    clock.now = new Date('2026-11-20T14:00:00Z');

    await callRecords.recentCalls(BOB);
    expect(graph.seen).toHaveLength(1);
    expect(decodeURIComponent(graph.seen[0]!.url)).toContain('startDateTime ge 2026-11-19T12:00:00Z');
  });

  it('when the coverage claimed ends before it starts, then a GraphInputError says so', async () => {
    const { feed } = services(scriptedFetch());
    await expect(feed.indexComplete({ since: new Date('2026-11-20T12:00:00Z'), listedAt: new Date('2026-11-20T11:00:00Z') })).rejects.toThrow(GraphInputError);
  });

  it('when pruned, then records and index entries older than 30 days are gone and newer ones stay', async () => {
    const { feed, cache, index } = services(scriptedFetch());
    await cache.put({ id: 'old', version: 1, startDateTime: '2026-10-01T09:00:00Z', sessions: [], participants_v2: [] });
    await cache.put({ id: 'new', version: 1, startDateTime: '2026-11-19T09:00:00Z', sessions: [], participants_v2: [] });
    await index.upsert(BOB, [summaryOf('old', '2026-10-01T09:00:00Z'), summaryOf('new', '2026-11-19T09:00:00Z')]);

    await feed.prune();
    expect(await cache.get('old')).toBeUndefined();
    expect(await cache.get('new')).toBeDefined();
    expect((await index.recent(BOB, { since: new Date(0) })).map((c) => c.id)).toEqual(['new']);
  });
});

function summaryOf(id: string, start: string) {
  return { id, version: 1, startDateTime: start, endDateTime: start, type: 'peerToPeer', modalities: ['audio'], organizer: null, counterparts: null };
}
