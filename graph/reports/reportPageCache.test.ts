// Issue #11 item 8: a report window is fetched once for everyone asking at the same time, reused
// for its short lifetime, fetched again after it, and each asker gets only their own rows.
import { describe, expect, it } from 'vitest';
import { graphErrorResponse, json, route, scriptedFetch, graphServicesOver } from '../testing/index.js';

const range = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-20T00:00:00Z') };
const firstPage = {
  value: [{ id: 'a', userId: 'u1' }, { id: 'b', userId: 'u2' }],
  '@odata.nextLink': 'https://graph.example.test/v1.0/communications/callRecords/getPstnCalls(fromDateTime=2026-11-01,toDateTime=2026-11-20)?$skip=1000',
};

function rig() {
  let clock = new Date('2026-11-20T12:00:00Z').getTime();
  const graph = scriptedFetch(
    route('GET', /getPstnCalls\(fromDateTime=2026-11-01T/, json(firstPage)),
    route('GET', /\$skip=1000$/, json({ value: [{ id: 'c', userId: 'U1' }, { id: 'd', userId: 'u3' }] })),
  );
  const reports = graphServicesOver(graph, { now: () => new Date(clock), reportCache: { ttlMs: 60_000 } }).callRecords;
  return { graph, reports, advance: (ms: number) => (clock += ms) };
}

describe('report page cache', () => {
  it('when three people ask for the same window at once, then Graph is asked once per page and each gets only their own rows', async () => {
    const { graph, reports } = rig();

    const [u1, u2, all] = await Promise.all([
      reports.pstnCalls(range, { userId: 'u1' }),
      reports.pstnCalls(range, { userId: 'u2' }),
      reports.pstnCalls(range),
    ]);
    expect(u1.map((r) => r.id)).toEqual(['a', 'c']);
    expect(u2.map((r) => r.id)).toEqual(['b']);
    expect(all.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(graph.seen).toHaveLength(2);
  });

  it('when the same window is asked again within its lifetime, then no request is sent; after it, the window is fetched again', async () => {
    const { graph, reports, advance } = rig();
    await reports.pstnCalls(range, { userId: 'u1' });
    advance(59_000);
    expect((await reports.pstnCalls(range, { userId: 'u3' })).map((r) => r.id)).toEqual(['d']);
    expect(graph.seen).toHaveLength(2);

    advance(2_000);
    await reports.pstnCalls(range, { userId: 'u1' });
    expect(graph.seen).toHaveLength(4);
  });

  it('when a window fails, then it is not cached and the next asker tries again', async () => {
    const graph = scriptedFetch(route('GET', /getSmsLog/, graphErrorResponse(400, 'BadRequest'), json({ value: [{ id: 's', userId: 'u1' }] })));
    const reports = graphServicesOver(graph).callRecords;

    await expect(reports.smsLog(range)).rejects.toThrow();
    expect((await reports.smsLog(range)).map((r) => r.id)).toEqual(['s']);
  });

  it('when one asker gives up, then the others still get the whole window', async () => {
    const { reports } = rig();
    const quitter = new AbortController();
    quitter.abort(new Error('gave up'));
    const [gaveUp, stayed] = await Promise.allSettled([reports.pstnCalls(range, { userId: 'u1', signal: quitter.signal }), reports.pstnCalls(range, { userId: 'u1' })]);
    expect(gaveUp.status).toBe('rejected');
    expect(stayed.status === 'fulfilled' && stayed.value.map((r) => r.id)).toEqual(['a', 'c']);
  });
});
