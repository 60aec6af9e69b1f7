// Paging as Graph documents it (§5.1–§5.4): a 75-session meeting pages its sessions at 60 and a
// 200-participant meeting its participants at 130, from $expand and from the direct routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { allPages, graphGet } from '../emulator/testing/graphFetch.js';

type Json = Record<string, unknown>;
const sessionsOf = (r: object): Json[] => (r as { sessions: Json[] }).sessions;
const participantsOf = (r: object): Json[] => (r as { participants_v2: Json[] }).participants_v2;

describe('emulator paging', () => {
  let emulator: EmulatorHandle;
  let meeting75: Json;
  let meeting200: Json;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42 });
    meeting75 = emulator.tenant!.records.find((r) => sessionsOf(r).length === 75)!;
    meeting200 = emulator.tenant!.records.find((r) => participantsOf(r).length === 200)!;
  });
  afterAll(() => emulator.close());

  it('when the seed-42 tenant is generated, then it holds a 75-session meeting and a 200-participant meeting', () => {
    expect(meeting75).toBeDefined();
    expect(meeting200).toBeDefined();
  });

  it('when sessions($expand=segments) is expanded on a 75-session meeting, then 60 come inline and sessions@odata.nextLink leads to the other 15', async () => {
    const id = String(meeting75.id);
    const first = await graphGet<Json & { sessions: Json[] }>(emulator, `/v1.0/communications/callRecords/${id}?$expand=sessions($expand=segments)`);
    expect(first.status).toBe(200);
    expect(first.body.sessions).toHaveLength(60);
    expect(first.body['@odata.nextLink']).toBeUndefined();
    const link = first.body['sessions@odata.nextLink'] as string;
    expect(link).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/communications\/callRecords\/.+\/sessions\?\$expand=segments&\$skiptoken=/);
    const rest = await allPages<Json>(emulator, link);
    expect(rest.pages).toBe(1);
    const ids = [...first.body.sessions, ...rest.items].map((s) => s.id);
    expect(ids).toEqual(sessionsOf(meeting75).map((s) => s.id));
    expect([...first.body.sessions, ...rest.items].every((s) => Array.isArray(s.segments) && (s.segments as unknown[]).length > 0)).toBe(true);
  });

  it('when sessions are expanded without segments, then sessions come without segments', async () => {
    const first = await graphGet<{ sessions: Json[] }>(emulator, `/beta/communications/callRecords/${String(meeting75.id)}?$expand=sessions`);
    expect(first.body.sessions.some((s) => 'segments' in s)).toBe(false);
  });

  it('when /sessions is listed directly, then it pages at 60 with @odata.nextLink and honours Prefer: odata.maxpagesize', async () => {
    const id = String(meeting75.id);
    const plain = await allPages<Json>(emulator, `/v1.0/communications/callRecords/${id}/sessions?$expand=segments`);
    expect(plain.pages).toBe(2);
    expect(plain.items.map((s) => s.id)).toEqual(sessionsOf(meeting75).map((s) => s.id));
    const small = await allPages<Json>(emulator, `/v1.0/communications/callRecords/${id}/sessions`, { prefer: 'odata.maxpagesize=20' });
    expect(small.pages).toBe(4);
    expect(small.items).toHaveLength(75);
  });

  it('when participants_v2 is expanded on a 200-participant meeting, then 130 come inline and participants_v2@odata.nextLink leads to the other 70', async () => {
    const id = String(meeting200.id);
    const first = await graphGet<Json & { participants_v2: Json[] }>(emulator, `/v1.0/communications/callRecords/${id}?$expand=participants_v2`);
    expect(first.body.participants_v2).toHaveLength(130);
    const rest = await allPages<Json>(emulator, first.body['participants_v2@odata.nextLink'] as string);
    const ids = [...first.body.participants_v2, ...rest.items].map((p) => p.id);
    expect(ids).toEqual(participantsOf(meeting200).map((p) => p.id));
    expect(new Set(ids).size).toBe(200);
  });

  it('when /participants_v2 is listed directly, then it pages at 130', async () => {
    const all = await allPages<Json>(emulator, `/v1.0/communications/callRecords/${String(meeting200.id)}/participants_v2`);
    expect(all.pages).toBe(2);
    expect(all.items).toHaveLength(200);
  });

  it('when the list is paged with Prefer: odata.maxpagesize=25, then every retained record comes exactly once, none with sessions or participants', async () => {
    const all = await allPages<Json>(emulator, '/v1.0/communications/callRecords', { prefer: 'odata.maxpagesize=25' });
    const retained = emulator.tenant!.records.filter((r) => Date.parse(String(r.endDateTime)) >= emulator.now().getTime() - 30 * 86_400_000);
    expect(all.pages).toBe(Math.ceil(retained.length / 25));
    expect(new Set(all.items.map((r) => r.id))).toEqual(new Set(retained.map((r) => r.id)));
    expect(all.items.some((r) => 'sessions' in r || 'participants_v2' in r)).toBe(false);
    expect(all.items.every((r) => typeof r['organizer_v2@odata.context'] === 'string' && typeof (r.organizer_v2 as Json).id === 'string')).toBe(true);
  });

  it('when a record is added between two list pages, then paging neither repeats nor skips the records that were already there', async () => {
    const token = await emulator.appToken(['CallRecords.Read.All']);
    const first = await graphGet<{ value: Json[]; '@odata.nextLink': string }>(emulator, '/v1.0/communications/callRecords', { token, headers: { prefer: 'odata.maxpagesize=10' } });
    const earliest = String(first.body.value[0]!.startDateTime);
    const inserted = { ...meeting75, id: 'inserted-before-cursor', startDateTime: earliest, endDateTime: new Date(Date.parse(earliest) + 60_000).toISOString() };
    await emulator.addRecord(inserted);
    const rest = await allPages<Json>(emulator, first.body['@odata.nextLink']);
    const seen = [...first.body.value, ...rest.items].map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    const retained = emulator.tenant!.records.filter((r) => Date.parse(String(r.endDateTime)) >= emulator.now().getTime() - 30 * 86_400_000);
    for (const r of retained) expect(seen).toContain(r.id);
  });

  it('when a skiptoken was not issued by the emulator, then the answer is 400 with a Graph error body', async () => {
    const response = await graphGet<{ error: { code: string } }>(emulator, `/v1.0/communications/callRecords/${String(meeting75.id)}/sessions?$skiptoken=forged`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
  });
});
