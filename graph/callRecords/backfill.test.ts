import { describe, expect, it } from 'vitest';
import type { BackfillPage, BackfillProgress } from '../contract.js';
import { GraphInputError } from '../errors.js';
import { graphErrorResponse, graphServicesOver, json, route, scriptedFetch, type ScriptedFetch } from '../testing/index.js';

const BASE = 'https://graph.example.test/v1.0/communications/callRecords';
const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';
const RANGE = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-20T00:00:00Z') };
const PAGES = 4;
const PER_PAGE = 3;

const user = (id: string, name: string) => ({ id, identity: { user: { id, displayName: name } } });
const callId = (page: number, i: number) => `0000000${page}-0000-4000-8000-00000000000${i}`;
const entry = (page: number, i: number) => ({ id: callId(page, i), version: 1, type: 'peerToPeer', modalities: ['audio'], startDateTime: `2026-11-0${page + 1}T09:0${i}:00Z`, endDateTime: `2026-11-0${page + 1}T09:3${i}:00Z`, organizer_v2: user(ALICE, 'Alice') });
const link = (page: number) => `${BASE}?$filter=x&$skiptoken=page${page}`;

/** The missed window as PAGES pages of PER_PAGE calls; page n links to page n + 1. */
function missedWindow(): ScriptedFetch {
  const page = (n: number) => json({ value: Array.from({ length: PER_PAGE }, (_, i) => entry(n, i)), ...(n < PAGES - 1 && { '@odata.nextLink': link(n + 1) }) });
  return scriptedFetch(
    ...Array.from({ length: PAGES - 1 }, (_, n) => route('GET', new RegExp(`skiptoken=page${n + 1}$`), page(n + 1))),
    route('GET', /\/callRecords\?\$filter=startDateTime/, page(0)),
  );
}

const listRequests = (graph: ScriptedFetch) => graph.seen.filter((r) => r.url.startsWith(BASE) && !r.url.includes(`${BASE}/`)).length;

describe('backfill, page by page', () => {
  it('when the missed window spans several pages, then each page reaches the caller before the next is asked for, and the progress names the next page', async () => {
    const graph = missedWindow();
    const { feed } = graphServicesOver(graph);
    const handed: { ids: string[]; requested: number; progress: BackfillProgress }[] = [];

    const final = await feed.backfill(RANGE, { onPage: (page) => void handed.push({ ids: page.calls.map((c) => c.id), requested: listRequests(graph), progress: page.progress }) });

    expect(handed.map((h) => h.requested)).toEqual([1, 2, 3, 4]);
    expect(handed.map((h) => h.ids.length)).toEqual([PER_PAGE, PER_PAGE, PER_PAGE, PER_PAGE]);
    expect(handed.map((h) => h.progress.nextLink)).toEqual([link(1), link(2), link(3), null]);
    expect(final).toEqual({ from: RANGE.from.toISOString(), to: RANGE.to.toISOString(), nextLink: null, done: true, pages: PAGES, calls: PAGES * PER_PAGE });
  });

  it('when the process stops mid-way, then a new one resumes from the stored progress without listing the pages already handled', async () => {
    const first = missedWindow();
    let stored: BackfillProgress | undefined;
    const crash = new Error('process stopped');
    const handle = (page: BackfillPage): void => {
      if (page.progress.pages === 3) throw crash;
      stored = page.progress;
    };
    await expect(graphServicesOver(first).feed.backfill(RANGE, { onPage: handle })).rejects.toBe(crash);
    expect(stored).toMatchObject({ pages: 2, nextLink: link(2), done: false });

    const second = missedWindow();
    const { feed, index } = graphServicesOver(second);
    const ids: string[] = [];
    const final = await feed.backfill(RANGE, { resumeFrom: JSON.parse(JSON.stringify(stored)) as BackfillProgress, onPage: (page) => void ids.push(...page.calls.map((c) => c.id)) });

    expect(second.seen.map((r) => r.url)).toEqual([link(2), link(3)]);
    expect(ids).toEqual([0, 1, 2].map((i) => callId(2, i)).concat([0, 1, 2].map((i) => callId(3, i))));
    expect(final).toMatchObject({ done: true, pages: PAGES, calls: PAGES * PER_PAGE });
    expect((await index.recent(ALICE, { since: new Date(0) })).map((c) => c.id)).toHaveLength(2 * PER_PAGE);
    expect(await feed.backfill(RANGE, { resumeFrom: final })).toEqual(final);
    expect(second.seen).toHaveLength(2);
  });

  it('when Graph no longer accepts the stored next link, then the range is listed again from its start', async () => {
    const graph = missedWindow();
    graph.on(route('GET', /skiptoken=stale$/, graphErrorResponse(400, 'BadRequest')));
    const { feed } = graphServicesOver(graph);
    const stale: BackfillProgress = { from: RANGE.from.toISOString(), to: RANGE.to.toISOString(), nextLink: `${BASE}?$skiptoken=stale`, done: false, pages: 2, calls: 6 };

    const final = await feed.backfill(RANGE, { resumeFrom: stale });
    expect(final).toMatchObject({ done: true, pages: 2 + PAGES });
    expect(listRequests(graph)).toBe(1 + PAGES);
  });

  it('when the cache holds a listed record at the same version, then its call comes with participants; others come with null', async () => {
    const graph = missedWindow();
    const { feed, cache } = graphServicesOver(graph);
    await cache.put({ ...entry(0, 1), type: 'peerToPeer', modalities: ['audio'], sessions: [], participants_v2: [user(ALICE, 'Alice'), user(BOB, 'Bob')] });
    const calls: BackfillPage['calls'][number][] = [];

    await feed.backfill(RANGE, { onPage: (page) => void calls.push(...page.calls) });
    expect(calls.find((c) => c.id === callId(0, 1))!.participants!.map((p) => p.id)).toEqual([ALICE, BOB]);
    expect(calls.filter((c) => c.participants === null)).toHaveLength(PAGES * PER_PAGE - 1);
  });

  it('when the stored progress is of another range, then the backfill refuses it naming both ranges', async () => {
    const { feed } = graphServicesOver(missedWindow());
    const other: BackfillProgress = { from: '2026-10-01T00:00:00.000Z', to: '2026-10-02T00:00:00.000Z', nextLink: null, done: false, pages: 0, calls: 0 };

    await expect(feed.backfill(RANGE, { resumeFrom: other })).rejects.toThrow(GraphInputError);
    await expect(feed.backfill(RANGE, { resumeFrom: other })).rejects.toThrow(/2026-10-01.*2026-11-01/);
  });
});
