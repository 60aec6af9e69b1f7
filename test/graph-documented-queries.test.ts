// Documented query forms by default (issue #11, item 6): getCall expands only sessions with
// segments and reads participants from /participants_v2; the list sends the participant filter
// alone and applies the date window itself. The combined forms (undocumented, graph-callrecords.md
// §5.2, §13) are sent only when opted in, and fall back when the service refuses them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

const DAY_MS = 86_400_000;

function queryOf(url: string, name: string): string | undefined {
  return new URL(url, 'https://localhost').searchParams.get(name) ?? undefined;
}

describe('documented Graph query forms', () => {
  let strict: EmulatorHandle;
  let lenient: EmulatorHandle;
  let townHall: { id: string; participants: number };
  let demoUser: string;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startEmulator({ seed: 42, throttle: false, strict: true }), startEmulator({ seed: 42, throttle: false })]);
    const big = strict.tenant!.records.map((r) => r as { id: string; participants_v2?: unknown[] }).sort((a, b) => (b.participants_v2?.length ?? 0) - (a.participants_v2?.length ?? 0))[0]!;
    townHall = { id: big.id, participants: big.participants_v2!.length };
    demoUser = strict.tenant!.demoUserId;
  });
  afterEach(async () => {
    await Promise.all([clearRequestsSettled(strict), clearRequestsSettled(lenient)]);
  });
  afterAll(() => Promise.all([strict.close(), lenient.close()]));

  it('when getCall is asked by default, then the record expands sessions with segments only and participants come from /participants_v2', async () => {
    const graph = graphOverEmulator(strict);

    const record = await graph.callRecords.getCall(townHall.id);
    expect(record.participants_v2).toHaveLength(townHall.participants);
    const requests = await graphRequests(strict, townHall.id);
    expect(requests.every((r) => r.status === 200)).toBe(true);
    expect(requests.map((r) => queryOf(r.url, '$expand')).filter((e) => e !== undefined && e.includes(','))).toEqual([]);
    expect(queryOf(requests[0]!.url, '$expand')).toBe('sessions($expand=segments)');
    expect(requests.filter((r) => r.path.endsWith('/participants_v2')).length).toBe(Math.ceil(townHall.participants / 130));
  });

  it('when recent calls are listed by default, then the filter names the participant alone and the window is applied here', async () => {
    const graph = graphOverEmulator(strict);
    const since = new Date(strict.now().getTime() - 7 * DAY_MS);

    const calls = await graph.callRecords.recentCalls(demoUser, { since });
    const filters = (await graphRequests(strict, '/communications/callRecords')).map((r) => queryOf(r.url, '$filter') ?? '');
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((f) => f.includes('participants_v2/any') && !f.includes('startDateTime'))).toBe(true);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => Date.parse(c.startDateTime) >= since.getTime())).toBe(true);

    // The same calls as the combined filter gives where the service accepts it.
    const combined = await graphOverEmulator(lenient, { combinedQueries: true }).callRecords.recentCalls(demoUser, { since });
    expect(calls.map((c) => c.id).sort()).toEqual(combined.map((c) => c.id).sort());
  });

  it('when the combined forms are opted in and accepted, then getCall and the list send them', async () => {
    const graph = graphOverEmulator(lenient, { combinedQueries: true });

    await graph.callRecords.getCall(townHall.id);
    const gets = await graphRequests(lenient, townHall.id);
    expect(queryOf(gets[0]!.url, '$expand')).toBe('sessions($expand=segments),participants_v2');
    // Only the continuation of the inline first page: no separate first page of /participants_v2.
    expect(gets.filter((r) => r.path.endsWith('/participants_v2') && queryOf(r.url, '$skiptoken') === undefined)).toEqual([]);

    await clearRequestsSettled(lenient);
    await graph.callRecords.recentCalls(demoUser, { since: new Date(lenient.now().getTime() - 7 * DAY_MS) });
    const filters = (await graphRequests(lenient, '/communications/callRecords')).map((r) => queryOf(r.url, '$filter') ?? '');
    expect(filters[0]).toMatch(/participants_v2\/any.* and startDateTime ge /);
  });

  it('when the combined forms are opted in but the service refuses them, then the documented forms are used and the answers are whole', async () => {
    const graph = graphOverEmulator(strict, { combinedQueries: true });

    expect((await graph.callRecords.getCall(townHall.id)).participants_v2).toHaveLength(townHall.participants);
    expect((await graph.callRecords.recentCalls(demoUser)).length).toBeGreaterThan(0);
    const statuses = (await graphRequests(strict)).map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(2);
  });
});
