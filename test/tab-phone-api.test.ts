// Issue #14 through the composed server against the emulator: the personal Phone view holds the
// caller's own rows with the bot's explanation, every helpdesk phone report needs the helpdesk
// role (403 otherwise) and is audited, and each list reads back from CSV with a CSV parser.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainDirectRoutingCall } from '../diagnosis/index.js';
import type { AuditLogResponse, MyPhoneResponse, SmsFailuresResponse, TrunkHealthResponse } from '../tab/api/contract.js';
import { startServerAgainst, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Row = Record<string, unknown>;
const DAY_MS = 86_400_000;

let emulator: EmulatorHandle;
let sut: ServerUnderTest;
let audience: string;

beforeAll(async () => {
  emulator = await startEmulator();
  sut = await startServerAgainst(emulator, {}, { now: () => emulator.now() });
  audience = sut.config.tab!.appIdUri;
}, 60_000);
afterAll(async () => {
  await sut?.close();
  await emulator?.close();
});

const base = (): string => `http://127.0.0.1:${sut.running.port}`;
const demoUserId = (): string => emulator.tenant!.demoUserId;
const helpdeskToken = () => emulator.userToken(emulator.tenant!.users.find((u) => u.displayName === 'Megan Bowen')!.id, { audience, roles: ['CallDoctor.Helpdesk'] });
const userToken = () => emulator.userToken(demoUserId(), { audience });

async function get(path: string, token: string): Promise<Response> {
  return fetch(`${base()}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

/** Numbers cast back to numbers, as a spreadsheet would read them. */
const csvRows = (text: string): Row[] => parse(text, { columns: true, cast: true, cast_date: false, skip_empty_lines: true }) as Row[];
/** Every cell as text: phone numbers compared character for character. */
const csvText = (text: string): Record<string, string>[] => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('the personal Phone view', () => {
  it('when the demo user opens it, then only their calls and texts come back, each with the bot\'s explanation', async () => {
    const res = await get('/api/me/phone?days=7', await userToken());
    expect(res.status).toBe(200);
    const view = (await res.json()) as MyPhoneResponse;
    const tenant = emulator.tenant!;
    const since = emulator.now().getTime() - 7 * DAY_MS;
    const mineDr = (tenant.directRoutingCalls as Row[]).filter((r) => r.userId === demoUserId() && Date.parse(String(r.startDateTime)) >= since);
    const minePstn = (tenant.pstnCalls as Row[]).filter((r) => r.userId === demoUserId() && Date.parse(String(r.startDateTime)) >= since);
    expect(view.calls).toHaveLength(mineDr.length + minePstn.length);
    const failed = mineDr.find((r) => r.finalSipCode === 503)!;
    const shown = view.calls.find((c) => c.id === failed.id)!;
    expect(shown.summary).toBe(explainDirectRoutingCall(failed).summary);
    expect(shown.details.map((d) => d.label)).toEqual(expect.arrayContaining(['Refused or ended by', 'SIP final code', 'Trunk (SBC)', 'Media bypass']));
    expect(view.sms.map((s) => s.status).sort()).toEqual(['notSent', 'sent']);
    expect(JSON.stringify(view)).not.toContain('4255550187');
  });

  it('when the calls are exported as CSV, then a CSV parser reads back the same rows with numbers as numbers', async () => {
    const token = await userToken();
    const view = (await (await get('/api/me/phone?days=30', token)).json()) as MyPhoneResponse;
    const res = await get('/api/me/phone?days=30&format=csv&list=calls', token);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csvRows(await res.text());
    expect(rows.map((r) => r.start)).toEqual(view.calls.map((c) => c.start));
    expect(rows.map((r) => r.durationSeconds)).toEqual(view.calls.map((c) => c.durationSeconds));
    expect(rows.map((r) => r.summary)).toEqual(view.calls.map((c) => c.summary));
  });

  it('when days or format is not one it knows, then 400 names the parameter', async () => {
    const res = await get('/api/me/phone?days=9', await userToken());
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/days/);
  });
});

const HELPDESK_ROUTES = ['trunks', 'blocked', 'sms-failures', 'dialout'];

describe('the helpdesk phone reports', () => {
  it.each(HELPDESK_ROUTES)('when a user without the helpdesk role asks for %s (JSON or CSV), then 403', async (name) => {
    const token = await userToken();
    for (const suffix of ['', '?format=csv']) expect((await get(`/api/helpdesk/phone/${name}${suffix}`, token)).status).toBe(403);
  });

  it('when the helpdesk reads trunk health, then the busy trunk\'s figures match a count of the raw rows, and the read is audited', async () => {
    const token = await helpdeskToken();
    const to = new Date(Math.floor(emulator.now().getTime() / DAY_MS) * DAY_MS + DAY_MS);
    const from = new Date(to.getTime() - 7 * DAY_MS);
    const res = await get(`/api/helpdesk/phone/trunks?from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as TrunkHealthResponse;
    const raw = (emulator.tenant!.directRoutingCalls as Row[]).filter((r) => r.trunkFullyQualifiedDomainName === 'sbc2.contoso.com' && Date.parse(String(r.startDateTime)) >= from.getTime() && Date.parse(String(r.startDateTime)) < to.getTime());
    const sbc2 = body.trunks.find((t) => t.trunk === 'sbc2.contoso.com')!;
    expect(sbc2.calls).toBe(raw.length);
    expect(sbc2.calls).toBeGreaterThan(1000);
    expect(sbc2.successful).toBe(raw.filter((r) => r.successfulCall === true).length);
    expect(sbc2.mediaBypassShare).toBe(1);
    expect(sbc2.overTime.reduce((n, b) => n + b.calls, 0)).toBe(raw.length);
    expect(sbc2.topFailures[0]!.calls).toBe(Math.max(...[503, 404, 486, 408, 487].map((code) => raw.filter((r) => r.finalSipCode === code).length)));

    const audit = (await (await get('/api/helpdesk/audit', token)).json()) as AuditLogResponse;
    expect(audit.entries[0]).toMatchObject({ action: 'readPhoneReport', callId: 'phone:trunks' });
  });

  it('when SMS failures and blocked users are exported as CSV, then the parser reads numbers exactly as Graph returned them, partly masked ones included', async () => {
    const token = await helpdeskToken();
    const json = (await (await get('/api/helpdesk/phone/sms-failures', token)).json()) as SmsFailuresResponse;
    const sms = csvText(await (await get('/api/helpdesk/phone/sms-failures?format=csv', token)).text());
    expect(sms.map((r) => r.destinationNumber)).toEqual(json.failures.map((f) => f.destinationNumber));
    expect(sms.map((r) => r.sourceNumber)).toEqual(json.failures.map((f) => f.sourceNumber));
    expect(sms.some((r) => /^\+\d+\*\*\*$/.test(r.destinationNumber!))).toBe(true);

    const blocked = csvText(await (await get(`/api/helpdesk/phone/blocked?format=csv&from=${new Date(emulator.now().getTime() - 40 * DAY_MS).toISOString().slice(0, 10)}`, token)).text());
    const tenantBlocked = (emulator.tenant!.blockedUsers as Row[]).filter((r) => r.userBlockMode === 'blocked');
    expect(blocked.length).toBeGreaterThan(0);
    for (const row of blocked) expect(tenantBlocked.map((r) => r.userTelephoneNumber)).toContain(row.userTelephoneNumber);
  });

  it('when the period is backwards or too long, then 400 says which', async () => {
    const token = await helpdeskToken();
    expect((await get('/api/helpdesk/phone/dialout?from=2026-05-01&to=2026-04-01', token)).status).toBe(400);
    const long = await get('/api/helpdesk/phone/dialout?from=2025-01-01&to=2026-04-01', token);
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(/180 days/);
  });
});
