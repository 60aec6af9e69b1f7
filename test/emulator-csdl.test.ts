// Every call-record payload the emulator serves validates against the official CSDL in
// ../shared/reference: names, types, enums, @odata.type on polymorphic endpoints and user
// agents, Duration and DateTimeOffset formats, non-nullable properties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../emulator/index.js';
import { allPages, graphGet } from '../emulator/testing/graphFetch.js';
import { loadCsdl } from '../emulator/testing/reference.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;
const v1 = loadCsdl('v1.0');
const beta = loadCsdl('beta');
const CALL_RECORD = 'microsoft.graph.callRecords.callRecord';
const NOW = new Date('2026-11-29T15:30:00Z');
const NS = 'microsoft.graph.callRecords';

/** Control annotations (@odata.context, ...) are not properties; item-level ones are skipped by the validator. */
const withoutAnnotations = (body: Json): Json => Object.fromEntries(Object.entries(body).filter(([k]) => !k.includes('@')));

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

describe('the CSDL validator', () => {
  // A 1:1 call with media (not a set-up failure, which has none).
  const hasMedia = (r: Json): boolean => (((r.sessions as Json[])[0]?.segments as Json[] | undefined)?.[0]?.media as Json[] | undefined)?.length !== 0;
  const good = generateTenant({ seed: 42, now: NOW }).records.find((r) => (r.sessions as Json[]).length === 1 && r.type === 'peerToPeer' && hasMedia(r)) as Json;
  const mutate = (change: (r: Json & { sessions: Json[] }) => void): string[] => {
    const copy = structuredClone(good) as Json & { sessions: Json[] };
    change(copy);
    return v1.validate(copy, CALL_RECORD);
  };
  const firstStream = (r: { sessions: Json[] }): Json => (((r.sessions[0]!.segments as Json[])[0]!.media as Json[])[0]!.streams as Json[])[0]!;
  const firstNetwork = (r: { sessions: Json[] }): Json => ((r.sessions[0]!.segments as Json[])[0]!.media as Json[])[0]!.callerNetwork as Json;

  it('when a record is well-formed, then it reports nothing', () => {
    expect(v1.validate(good, CALL_RECORD)).toEqual([]);
  });

  it('when a $select projection leaves non-nullable properties out, then only a projection is excused, and what it carries is still checked', () => {
    const projection = { id: good.id, startDateTime: good.startDateTime, sessions: good.sessions };
    expect(v1.validate(projection, CALL_RECORD)).toEqual(expect.arrayContaining([expect.stringMatching(/modalities: missing/)]));
    expect(v1.validate(projection, CALL_RECORD, '$', { selected: true })).toEqual([]);
    const broken = structuredClone(projection) as typeof projection & { sessions: Json[] };
    firstStream(broken).averageJitter = 0.016;
    delete broken.sessions[0]!.modalities;
    const problems = v1.validate(broken, CALL_RECORD, '$', { selected: true }).join('\n');
    expect(problems).toMatch(/averageJitter.*ISO 8601 duration/);
    expect(problems).toMatch(/sessions\[0\]\.modalities: missing/);
  });

  it.each([
    ['an enum value that is not a member', (r: Json & { sessions: Json[] }) => void (firstNetwork(r).connectionType = 'ethernet'), /connectionType.*not a member/],
    ['a jitter given as a number instead of a Duration', (r: Json & { sessions: Json[] }) => void (firstStream(r).averageJitter = 0.016), /averageJitter.*ISO 8601 duration/],
    ['a date-time without a time zone', (r: Json & { sessions: Json[] }) => void (r.startDateTime = '2026-11-29T10:00:00'), /startDateTime.*date-time/],
    ['an endpoint without @odata.type', (r: Json & { sessions: Json[] }) => void delete (r.sessions[0]!.caller as Json)['@odata.type'], /caller: polymorphic/],
    ['a user agent without @odata.type', (r: Json & { sessions: Json[] }) => void delete ((r.sessions[0]!.caller as Json).userAgent as Json)['@odata.type'], /userAgent: .*abstract/],
    ['a property the schema does not declare', (r: Json & { sessions: Json[] }) => void (firstStream(r).averageMos = 4.1), /averageMos: not a property/],
    ['a missing non-nullable property', (r: Json & { sessions: Json[] }) => void delete r.modalities, /modalities: missing/],
    ['a null non-nullable property', (r: Json & { sessions: Json[] }) => void (firstStream(r).streamDirection = null), /streamDirection: null/],
    ['a ratio given as a string', (r: Json & { sessions: Json[] }) => void (firstStream(r).averagePacketLossRate = '0.1'), /averagePacketLossRate.*number/],
  ])('when a record has %s, then it names the path', (_what, change, problem) => {
    const problems = mutate(change);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(problem);
  });
});

describe('generated records against the CSDL', () => {
  it.each([[42], [1], [2026]])('when the tenant for seed %i is generated, then every record validates against v1.0 and beta', (seed) => {
    const tenant = generateTenant({ seed, now: NOW });
    expect(tenant.records.length).toBeGreaterThan(300);
    const problems = tenant.records.flatMap((r, i) => [...v1.validate(r, CALL_RECORD, `records[${i}]`), ...beta.validate(r, CALL_RECORD, `records[${i}]`)]);
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('served payloads against the CSDL', () => {
  let emulator: EmulatorHandle;
  /** Ids of every record the emulator still serves (inside the 30-day retention). */
  let served: string[];
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, throttle: false });
    served = (await allPages<Json>(emulator, '/v1.0/communications/callRecords?$select=id')).items.map((r) => String(r.id));
  });
  afterAll(() => emulator.close());

  it.each([['v1.0'], ['beta']] as const)('when every record is listed and fetched with sessions, segments and participants on %s, then each payload validates', async (version) => {
    const model = version === 'v1.0' ? v1 : beta;
    const token = await emulator.appToken(['CallRecords.Read.All']);
    const listed = await allPages<Json>(emulator, `/${version}/communications/callRecords`);
    const problems = listed.items.flatMap((r, i) => model.validate(r, CALL_RECORD, `list[${i}]`));
    for (const item of listed.items) {
      for (const expand of ['sessions($expand=segments)', 'participants_v2']) {
        const got = await graphGet(emulator, `/${version}/communications/callRecords/${String(item.id)}?$expand=${expand}`, { token });
        expect(got.status).toBe(200);
        problems.push(...model.validate(got.body, CALL_RECORD, `${String(item.id)}?$expand=${expand}`));
      }
    }
    expect(listed.items.length).toBeGreaterThan(300);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it.each([['v1.0'], ['beta']] as const)('when every record\'s /sessions?$expand=segments, /participants_v2 and /organizer_v2 are followed to the end on %s, then every item validates', async (version) => {
    const model = version === 'v1.0' ? v1 : beta;
    const token = await emulator.appToken(['CallRecords.Read.All']);
    const problems: string[] = [];
    let sessions = 0;
    let participants = 0;
    await inParallel(served, 8, async (id) => {
      const base = `/${version}/communications/callRecords/${id}`;
      const got = await allPages<Json>(emulator, `${base}/sessions?$expand=segments`);
      sessions += got.items.length;
      got.items.forEach((item, i) => problems.push(...model.validate(item, `${NS}.session`, `${id}/sessions[${i}]`)));
      const people = await allPages<Json>(emulator, `${base}/participants_v2`);
      participants += people.items.length;
      people.items.forEach((item, i) => problems.push(...model.validate(item, `${NS}.participant`, `${id}/participants_v2[${i}]`)));
      const organizer = await graphGet(emulator, `${base}/organizer_v2`, { token });
      expect(organizer.status).toBe(200);
      problems.push(...model.validate(withoutAnnotations(organizer.body), `${NS}.organizer`, `${id}/organizer_v2`));
    });
    // The 75-session all-hands and the 200-participant town hall are among them, so paged pages are checked too.
    expect(sessions).toBeGreaterThan(served.length);
    expect(participants).toBeGreaterThan(2 * served.length);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it.each([['v1.0'], ['beta']] as const)('when records and sessions are read with $select on %s, then every projection validates and carries only what was selected', async (version) => {
    const model = version === 'v1.0' ? v1 : beta;
    const token = await emulator.appToken(['CallRecords.Read.All']);
    const problems: string[] = [];
    const listed = await allPages<Json>(emulator, `/${version}/communications/callRecords?$select=id,type,startDateTime,endDateTime,modalities`);
    listed.items.forEach((item, i) => problems.push(...model.validate(item, CALL_RECORD, `list?$select[${i}]`, { selected: true })));
    await inParallel(served.slice(0, 60), 8, async (id) => {
      const base = `/${version}/communications/callRecords/${id}`;
      const record = await graphGet<Json>(emulator, `${base}?$select=version,joinWebUrl,lastModifiedDateTime&$expand=sessions($expand=segments)`, { token });
      expect(Object.keys(withoutAnnotations(record.body)).sort()).toEqual(['id', 'joinWebUrl', 'lastModifiedDateTime', 'organizer_v2', 'sessions', 'version']);
      problems.push(...model.validate(record.body, CALL_RECORD, `${id}?$select`, { selected: true }));
      const picked = await allPages<Json>(emulator, `${base}/sessions?$select=id,caller,callee,failureInfo`);
      picked.items.forEach((item, i) => {
        expect(Object.keys(withoutAnnotations(item)).every((k) => ['id', 'caller', 'callee', 'failureInfo'].includes(k))).toBe(true);
        problems.push(...model.validate(item, `${NS}.session`, `${id}/sessions?$select[${i}]`, { selected: true }));
      });
    });
    expect(listed.items.length).toBeGreaterThan(300);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it.each([
    ['v1.0', 'getPstnCalls', 'pstnCallLogRow'],
    ['v1.0', 'getDirectRoutingCalls', 'directRoutingLogRow'],
    ['beta', 'getPstnCalls', 'pstnCallLogRow'],
    ['beta', 'getDirectRoutingCalls', 'directRoutingLogRow'],
    ['beta', 'getSmsLog', 'smsLogRow'],
    ['beta', 'getPstnBlockedUsersLog', 'pstnBlockedUsersLogRow'],
    ['beta', 'getPstnOnlineMeetingDialoutReport', 'pstnOnlineMeetingDialoutReport'],
  ] as const)('when %s %s is called for 30 days, then every row validates as %s', async (version, fn, rowType) => {
    const day = (d: number): string => new Date(emulator.now().getTime() + d * 86_400_000).toISOString().slice(0, 10);
    const rows = await allPages<Json>(emulator, `/${version}/communications/callRecords/${fn}(fromDateTime=${day(-30)},toDateTime=${day(0)})`);
    expect(rows.items.length).toBeGreaterThan(0);
    const model = version === 'v1.0' ? v1 : beta;
    expect(rows.items.flatMap((r, i) => model.validate(r, `microsoft.graph.callRecords.${rowType}`, `${fn}[${i}]`)).slice(0, 10)).toEqual([]);
  });
});
