// The list filters Graph supports (§5.1), each form against the generated data, and the 400
// Graph gives for anything else; plus retention and the report functions' rules (§5.6).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { allPages, graphGet } from '../emulator/testing/graphFetch.js';

type Json = Record<string, unknown>;
const DAY = 86_400_000;

describe('emulator list filters', () => {
  let emulator: EmulatorHandle;
  let retained: Json[];
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 3, throttle: false });
    retained = emulator.tenant!.records.filter((r) => Date.parse(String(r.endDateTime)) >= emulator.now().getTime() - 30 * DAY) as Json[];
  });
  afterAll(() => emulator.close());

  const ids = async (filter: string): Promise<string[]> => (await allPages<Json>(emulator, `/v1.0/communications/callRecords?$filter=${encodeURIComponent(filter)}`)).items.map((r) => String(r.id)).sort();
  const expected = (keep: (r: Json) => boolean): string[] => retained.filter(keep).map((r) => String(r.id)).sort();
  const start = (r: Json): number => Date.parse(String(r.startDateTime));

  it.each([
    ['lt', (t: number, p: number) => t < p],
    ['le', (t: number, p: number) => t <= p],
    ['gt', (t: number, p: number) => t > p],
    ['ge', (t: number, p: number) => t >= p],
  ] as const)('when filtering startDateTime %s a record\'s own start time, then exactly the records on that side come back', async (op, keep) => {
    const pivotRecord = retained[Math.floor(retained.length / 2)]!;
    const pivot = String(pivotRecord.startDateTime);
    const got = await ids(`startDateTime ${op} ${pivot}`);
    expect(got).toEqual(expected((r) => keep(start(r), Date.parse(pivot))));
    expect(got.includes(String(pivotRecord.id))).toBe(op === 'le' || op === 'ge');
  });

  it('when two startDateTime clauses are joined with and, then only the window between them comes back', async () => {
    const from = new Date(emulator.now().getTime() - 3 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const to = new Date(emulator.now().getTime() - 1 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const got = await ids(`startDateTime ge ${from} and startDateTime lt ${to}`);
    expect(got.length).toBeGreaterThan(5);
    expect(got).toEqual(expected((r) => start(r) >= Date.parse(from) && start(r) < Date.parse(to)));
  });

  it('when filtering on a participant, then exactly the calls that person took part in come back', async () => {
    const demo = emulator.tenant!.demoUserId;
    const got = await ids(`participants_v2/any(p:p/id eq '${demo}')`);
    expect(got.length).toBeGreaterThanOrEqual(9);
    expect(got).toEqual(expected((r) => (r.participants_v2 as Json[]).some((p) => p.id === demo)));
  });

  it('when the participant filter is combined with a start time, then both apply', async () => {
    const demo = emulator.tenant!.demoUserId;
    const since = new Date(emulator.now().getTime() - 2 * DAY).toISOString();
    const got = await ids(`participants_v2/any(p:p/id eq '${demo}') and startDateTime ge ${since}`);
    expect(got).toEqual(expected((r) => (r.participants_v2 as Json[]).some((p) => p.id === demo) && start(r) >= Date.parse(since)));
  });

  it.each([
    ['endDateTime ge 2026-01-01T00:00:00Z'],
    ["type eq 'peerToPeer'"],
    ['startDateTime eq 2026-01-01T00:00:00Z'],
    ["organizer_v2/id eq 'x'"],
    ['startDateTime ge 2026-01-01T00:00:00Z or startDateTime lt 2025-01-01T00:00:00Z'],
    ["participants_v2/any(p:p/displayName eq 'Ravi Patel')"],
  ])('when the filter is %s, then Graph answers 400 BadRequest naming the supported forms', async (filter) => {
    const response = await graphGet<{ error: { code: string; message: string } }>(emulator, `/v1.0/communications/callRecords?$filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
    expect(response.body.error.message).toContain('startDateTime');
  });

  it.each([['$orderby=startDateTime'], ['$top=5'], ['$expand=sessions'], ['$count=true']])('when the list gets the unsupported option %s, then it answers 400', async (option) => {
    expect((await graphGet(emulator, `/v1.0/communications/callRecords?${option}`)).status).toBe(400);
  });

  it('when a record ended more than 30 days ago, then get answers 404 and the list leaves it out', async () => {
    const old = { ...(emulator.tenant!.records[0] as Json), id: 'old-record', startDateTime: new Date(emulator.now().getTime() - 31 * DAY).toISOString(), endDateTime: new Date(emulator.now().getTime() - 31 * DAY + 60_000).toISOString() };
    await emulator.addRecord(old);
    const response = await graphGet<{ error: { code: string } }>(emulator, '/v1.0/communications/callRecords/old-record');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NotFound');
    expect(await ids('startDateTime ge 2000-01-01T00:00:00Z')).not.toContain('old-record');
  });

  it("when an existing record is added again, then its version goes up and lastModifiedDateTime moves to the emulator's now", async () => {
    const record = retained[0]!;
    const before = await graphGet<Json>(emulator, `/v1.0/communications/callRecords/${String(record.id)}`);
    // Stop the emulator's clock 90 s ahead (it runs on Date), so "now" is one exact instant.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 90_000 });
    try {
      await emulator.addRecord({ ...record });
      const after = await graphGet<Json>(emulator, `/v1.0/communications/callRecords/${String(record.id)}`);
      expect(after.body.version).toBe(Number(before.body.version) + 1);
      expect(after.body.lastModifiedDateTime).toBe(emulator.now().toISOString());
      expect(after.body.lastModifiedDateTime).not.toBe(before.body.lastModifiedDateTime);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('emulator report functions', () => {
  let emulator: EmulatorHandle;
  const range = (fromDays: number, toDays: number): string => {
    const day = (d: number): string => new Date(emulator.now().getTime() + d * DAY).toISOString().slice(0, 10);
    return `fromDateTime=${day(fromDays)},toDateTime=${day(toDays)}`;
  };
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 5, throttle: false });
  });
  afterAll(() => emulator.close());

  it('when getPstnCalls is called on v1.0, then rows carry no beta-only properties; on beta they do', async () => {
    const v1 = await graphGet<{ value: Json[]; '@odata.count': number }>(emulator, `/v1.0/communications/callRecords/getPstnCalls(${range(-30, 0)})`);
    const beta = await graphGet<{ value: Json[] }>(emulator, `/beta/communications/callRecords/getPstnCalls(${range(-30, 0)})`);
    expect(v1.status).toBe(200);
    expect(v1.body.value.length).toBeGreaterThan(0);
    expect(v1.body['@odata.count']).toBe(v1.body.value.length);
    expect(v1.body.value.some((r) => 'clientPublicIpV4Address' in r || 'otherPartyCountryCode' in r)).toBe(false);
    expect(beta.body.value.every((r) => 'clientPublicIpV4Address' in r)).toBe(true);
  });

  it("when the demo user's Direct Routing calls are read, then today's failed call to a +1 425 number carries its SIP code", async () => {
    const rows = await graphGet<{ value: Json[] }>(emulator, `/v1.0/communications/callRecords/getDirectRoutingCalls(${range(-1, 1)})`);
    const failed = rows.body.value.find((r) => r.userId === emulator.tenant!.demoUserId && r.successfulCall === false);
    expect(failed).toMatchObject({ finalSipCode: 503, calleeNumber: expect.stringMatching(/^\+1425/) });
  });

  it.each([['getSmsLog'], ['getPstnBlockedUsersLog'], ['getPstnOnlineMeetingDialoutReport']])('when the beta-only %s is called on v1.0, then it is 404; on beta it is 200', async (fn) => {
    expect((await graphGet(emulator, `/v1.0/communications/callRecords/${fn}(${range(-30, 0)})`)).status).toBe(404);
    expect((await graphGet(emulator, `/beta/communications/callRecords/${fn}(${range(-30, 0)})`)).status).toBe(200);
  });

  it('when the range is longer than 90 days or the parameters are missing, then it answers 400 with a Graph error body', async () => {
    const tooLong = await graphGet<{ error: { message: string } }>(emulator, `/v1.0/communications/callRecords/getPstnCalls(${range(-95, 0)})`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/90 days/);
    expect((await graphGet(emulator, '/v1.0/communications/callRecords/getPstnCalls')).status).toBe(400);
    expect((await graphGet(emulator, '/v1.0/communications/callRecords/getPstnCalls(fromDateTime=yesterday,toDateTime=today)')).status).toBe(400);
  });

  // Inclusive functions (all but getDirectRoutingCalls) stretch a date-only toDateTime to the end of
  // that day, so 2026-08-01..2026-10-29 covers 90 calendar days and ..2026-10-30 covers 91.
  it.each([
    ['v1.0', 'getPstnCalls', '2026-08-01T00:00:00Z', '2026-10-30T00:00:00Z', 200],
    ['v1.0', 'getPstnCalls', '2026-08-01T00:00:00Z', '2026-10-30T01:00:00Z', 400],
    ['v1.0', 'getPstnCalls', '2026-08-01T00:00:00Z', '2026-10-30T20:00:00Z', 400],
    ['v1.0', 'getPstnCalls', '2026-08-01', '2026-10-29', 200],
    ['v1.0', 'getPstnCalls', '2026-08-01', '2026-10-30', 400],
    ['beta', 'getSmsLog', '2026-08-01T00:00:00Z', '2026-10-30T00:00:00Z', 200],
    ['beta', 'getSmsLog', '2026-08-01T00:00:00Z', '2026-10-30T01:00:00Z', 400],
    ['beta', 'getSmsLog', '2026-08-01', '2026-10-29', 200],
    ['beta', 'getSmsLog', '2026-08-01', '2026-10-30', 400],
    ['v1.0', 'getDirectRoutingCalls', '2026-08-01T00:00:00Z', '2026-10-30T00:00:00Z', 200],
    ['v1.0', 'getDirectRoutingCalls', '2026-08-01T00:00:00Z', '2026-10-30T01:00:00Z', 400],
    ['v1.0', 'getDirectRoutingCalls', '2026-08-01', '2026-10-30', 200],
    ['v1.0', 'getDirectRoutingCalls', '2026-08-01', '2026-10-31', 400],
  ] as const)('when %s %s runs from %s to %s, then it answers %i (at most 90 days)', async (version, fn, from, to, status) => {
    const response = await graphGet<{ error?: { message: string } }>(emulator, `/${version}/communications/callRecords/${fn}(fromDateTime=${from},toDateTime=${to})`);
    expect(response.status).toBe(status);
    if (status === 400) expect(response.body.error?.message).toMatch(/90 days/);
  });

  it('when a report has 2,500 rows, then it pages at 1,000 with $skip nextLinks and @odata.count per page', async () => {
    const at = new Date(emulator.now().getTime() - 2 * DAY).toISOString();
    emulator.addReportRows('getSmsLog', Array.from({ length: 2500 }, (_, i) => ({ id: `bulk-${i}`, sentDateTime: at, smsType: 'sms_out' })));
    const token = await emulator.appToken(['CallRecord-PstnCalls.Read.All']);
    const counts: number[] = [];
    let next: string | undefined = `/beta/communications/callRecords/getSmsLog(${range(-3, 0)})`;
    const ids: string[] = [];
    while (next) {
      const page: { body: { value: Json[]; '@odata.count': number; '@odata.nextLink'?: string } } = await graphGet(emulator, next, { token });
      counts.push(page.body['@odata.count']);
      ids.push(...page.body.value.map((r) => String(r.id)));
      if (page.body['@odata.nextLink']) expect(page.body['@odata.nextLink']).toMatch(/\?\$skip=\d+$/);
      next = page.body['@odata.nextLink'];
    }
    expect(counts.slice(0, 2)).toEqual([1000, 1000]);
    expect(ids.filter((id) => id.startsWith('bulk-'))).toHaveLength(2500);
  });

  it('when getDirectRoutingCalls gets a toDateTime equal to a row start, then that row is excluded; getPstnCalls includes it', async () => {
    const at = '2026-06-01T12:00:00Z';
    emulator.addReportRows('getDirectRoutingCalls', [{ id: 'edge-dr', startDateTime: at }]);
    emulator.addReportRows('getPstnCalls', [{ id: 'edge-pstn', startDateTime: at }]);
    const dr = await graphGet<{ value: Json[] }>(emulator, `/v1.0/communications/callRecords/getDirectRoutingCalls(fromDateTime=2026-05-31T00:00:00Z,toDateTime=${at})`);
    const pstn = await graphGet<{ value: Json[] }>(emulator, `/v1.0/communications/callRecords/getPstnCalls(fromDateTime=2026-05-31T00:00:00Z,toDateTime=${at})`);
    expect(dr.body.value.map((r) => r.id)).not.toContain('edge-dr');
    expect(pstn.body.value.map((r) => r.id)).toContain('edge-pstn');
  });
});
