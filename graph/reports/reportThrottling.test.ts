// Report functions share Graph's report limits: 50 requests / 60 s per function and 200 / 60 s per
// app per tenant (graph/budget/buckets.ts). Scaled down here so a window's worth is a few requests:
// one function's backlog waits for its own bucket without holding up another function, and the
// app-wide bucket holds every function once it is spent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphServicesOver, json, route, scriptedFetch } from '../testing/index.js';

const DAY = 86_400_000;
const range = { from: new Date('2026-05-01T00:00:00Z'), to: new Date(Date.parse('2026-05-01T00:00:00Z') + 200 * DAY) };
const background = { priority: 'background' as const };
const fnOf = (url: string) => decodeURIComponent(new URL(url).pathname).split('/').pop()!.split('(')[0];

describe('report throttling', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-20T12:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when one function has spent its per-function budget, then its next window waits a minute while another function goes at once', async () => {
    const graph = scriptedFetch(route('GET', /callRecords\//, json({ value: [{ id: 'r', userId: 'u' }] })));
    const reports = graphServicesOver(graph, { now: () => new Date(), budget: { limits: { report: { limit: 1, windowMs: 60_000 } }, backgroundShare: 1 } }).callRecords;

    const sms = reports.smsLog(range, background);
    const pstn = reports.pstnCalls({ from: range.from, to: new Date(range.from.getTime() + DAY) }, background);
    await vi.advanceTimersByTimeAsync(10);
    await expect(pstn).resolves.toHaveLength(1);
    expect(graph.seen.map((r) => fnOf(r.url))).toEqual(['getSmsLog', 'getPstnCalls']);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(graph.seen.filter((r) => fnOf(r.url) === 'getSmsLog')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(sms).resolves.toHaveLength(3);
  });

  it('when the app-wide report budget is spent, then every function waits for it', async () => {
    const graph = scriptedFetch(route('GET', /callRecords\//, json({ value: [] })));
    const reports = graphServicesOver(graph, { now: () => new Date(), budget: { limits: { reports: { limit: 2, windowMs: 60_000 } }, backgroundShare: 1 } }).callRecords;
    const day = { from: range.from, to: new Date(range.from.getTime() + DAY) };

    const all = Promise.all([reports.smsLog(day, background), reports.blockedUsersLog(day, background), reports.directRoutingCalls(day, background)]);
    await vi.advanceTimersByTimeAsync(10);
    expect(graph.seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    await all;
    expect(graph.seen.map((r) => fnOf(r.url))).toEqual(['getSmsLog', 'getPstnBlockedUsersLog', 'getDirectRoutingCalls']);
  });
});
