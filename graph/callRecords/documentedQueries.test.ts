// The default query forms are the documented ones (graph-callrecords.md §5.1, §5.2, §5.4): one
// expansion per get, participants from /participants_v2, the participant filter on its own.
import { describe, expect, it } from 'vitest';
import { graphServicesOver, json, route, scriptedFetch } from '../testing/index.js';

const BASE = 'https://graph.example.test/v1.0/communications/callRecords';
const CALL = 'e523d2ed-2966-4b6b-925b-754a88034cc5';
const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';
const NOW = new Date('2026-11-20T12:00:00Z');

const user = (id: string, name: string) => ({ id, identity: { user: { id, displayName: name } } });
const listEntry = (id: string, start: string) => ({ id, version: 1, type: 'peerToPeer', modalities: ['audio'], startDateTime: start, endDateTime: start, organizer_v2: user(ALICE, 'Alice') });

describe('documented query forms (the default)', () => {
  it('when a record is fetched, then sessions with segments come in the expand and participants, paged, from /participants_v2', async () => {
    const graph = scriptedFetch(
      route('GET', new RegExp(`${CALL}\\?\\$expand=sessions\\(\\$expand=segments\\)$`), json({
        id: CALL, version: 1, type: 'groupCall', modalities: ['audio'], startDateTime: '2026-11-20T09:00:00Z', endDateTime: '2026-11-20T10:00:00Z',
        organizer_v2: user(ALICE, 'Alice'),
        sessions: [{ id: 's1', segments: [{ id: 'g1' }] }],
        'sessions@odata.nextLink': `${BASE}/${CALL}/sessions?$expand=segments&$skiptoken=p2`,
      })),
      route('GET', /sessions\?\$expand=segments&\$skiptoken=p2$/, json({ value: [{ id: 's2', segments: [{ id: 'g2' }] }] })),
      route('GET', new RegExp(`${CALL}/participants_v2$`), json({ value: [user(ALICE, 'Alice')], '@odata.nextLink': `${BASE}/${CALL}/participants_v2?$skiptoken=p2` })),
      route('GET', /participants_v2\?\$skiptoken=p2$/, json({ value: [user(BOB, 'Bob')] })),
    );
    const { callRecords } = graphServicesOver(graph, { now: () => NOW });

    const record = await callRecords.getCall(CALL);
    expect(record.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(record.participants_v2.map((p) => p.id)).toEqual([ALICE, BOB]);
    expect(graph.seen.map((r) => decodeURIComponent(r.url)).filter((u) => /\$expand=[^&]*,/.test(u))).toEqual([]);
    expect(graph.seen).toHaveLength(4);
  });

  it('when recent calls are listed, then the filter names the participant alone and calls before the window are left out here', async () => {
    const graph = scriptedFetch(
      route('GET', /\/communications\/callRecords\?\$filter=/, json({ value: [listEntry('old-call', '2026-11-01T09:00:00Z'), listEntry('new-call', '2026-11-19T09:00:00Z')] })),
    );
    const { callRecords } = graphServicesOver(graph, { now: () => NOW });

    const calls = await callRecords.recentCalls(ALICE, { since: new Date('2026-11-13T00:00:00Z') });
    expect(calls.map((c) => c.id)).toEqual(['new-call']);
    const filter = new URL(graph.seen[0]!.url).searchParams.get('$filter');
    expect(filter).toBe(`participants_v2/any(p:p/id eq '${ALICE}')`);
  });
});
