import { describe, expect, it } from 'vitest';
import { json, route, scriptedFetch, type ScriptedFetch, graphServicesOver } from '../testing/index.js';

function reportsOver(graph: ScriptedFetch) {
  return graphServicesOver(graph, { now: () => new Date('2026-11-20T12:00:00Z') }).callRecords;
}

const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-07-20T00:00:00Z') };

describe('reports', () => {
  it('when a PSTN range spans 200 days, then three windows are asked on v1.0 and every row of every page comes back', async () => {
    const graph = scriptedFetch(
      route('GET', /getPstnCalls\(fromDateTime=2026-01-01/, json({ value: [{ id: 'a', userId: 'U1' }], '@odata.nextLink': 'https://graph.example.test/v1.0/communications/callRecords/getPstnCalls(from=2026-01-01,to=2026-03-31)?$skip=1000' })),
      route('GET', /\$skip=1000$/, json({ value: [{ id: 'b', userId: 'u2' }] })),
      route('GET', /getPstnCalls\(fromDateTime=2026-04-01/, json({ value: [{ id: 'c', userId: 'u1' }] })),
      route('GET', /getPstnCalls\(fromDateTime=2026-06-30/, json({ value: [] })),
    );

    const rows = await reportsOver(graph).pstnCalls(range);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(graph.seen.map((r) => new URL(r.url).pathname.split('/')[1])).toEqual(['v1.0', 'v1.0', 'v1.0', 'v1.0']);
  });

  it('when one user is asked for, then only that user\'s rows come back, whatever the id\'s case', async () => {
    const graph = scriptedFetch(route('GET', /getDirectRoutingCalls/, json({ value: [{ id: 'a', userId: 'U1' }, { id: 'b', userId: 'u2' }, { id: 'c', userId: null }] })));

    const rows = await reportsOver(graph).directRoutingCalls({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-20T00:00:00Z') }, { userId: 'u1' });
    expect(rows.map((r) => r.id)).toEqual(['a']);
  });

  it('when the SMS, blocked-user and dial-out reports are asked, then they go to beta', async () => {
    const graph = scriptedFetch(route('GET', /\/beta\//, json({ value: [] })));
    const reports = reportsOver(graph);
    const november = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-20T00:00:00Z') };

    await reports.smsLog(november);
    await reports.blockedUsersLog(november);
    await reports.onlineMeetingDialoutReport(november);
    expect(graph.seen.map((r) => decodeURIComponent(new URL(r.url).pathname).replace('/beta/communications/callRecords/', '').split('(')[0])).toEqual([
      'getSmsLog',
      'getPstnBlockedUsersLog',
      'getPstnOnlineMeetingDialoutReport',
    ]);
  });

  it('when the dial-out report spans two windows, then each group\'s totals are summed into one row', async () => {
    const row = (calls: number, seconds: number, charge: number) => ({ userId: 'u1', usageLocation: 'US', destinationContext: 'Domestic', currency: 'USD', totalCalls: calls, totalCallSeconds: seconds, totalCallCharge: charge });
    const graph = scriptedFetch(
      route('GET', /fromDateTime=2026-01-01/, json({ value: [row(2, 120, 1.5)] })),
      route('GET', /fromDateTime=2026-04-01/, json({ value: [row(3, 60, 0.5), { ...row(1, 10, 0.1), currency: 'EUR' }] })),
      route('GET', /fromDateTime=2026-06-30/, json({ value: [] })),
    );

    const rows = await reportsOver(graph).onlineMeetingDialoutReport(range);
    expect(rows).toEqual([row(5, 180, 2), { ...row(1, 10, 0.1), currency: 'EUR' }]);
  });
});
