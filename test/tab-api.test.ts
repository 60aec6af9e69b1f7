// Issue #9: the tab's API over HTTP on the composed server, against the Graph emulator: bearer
// validation with the emulator's real user tokens (and forged ones), participation (404 for a
// call that is not yours, the same as an unknown id), the helpdesk role and its audit entries,
// paging and filters, My quality and the channel view's aggregates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair, decodeProtectedHeader } from 'jose';
import { SMALL_TEAM_ID, SUPPORT_TEAM_ID } from '../emulator/index.js';
import type { AuditLogResponse, CallDetailResponse, CallListResponse, DemoUsersResponse, MeResponse, MyQualityResponse, TeamQualityResponse } from '../tab/api/contract.js';
import { participantIds, startServerAgainst, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;

let emulator: EmulatorHandle;
let sut: ServerUnderTest;
/** The server's clock runs this far ahead of the emulator's (expiry tests move it). */
let skewMs = 0;
let audience: string;

beforeAll(async () => {
  emulator = await startEmulator();
  sut = await startServerAgainst(emulator, {}, { now: () => new Date(emulator.now().getTime() + skewMs) });
  audience = sut.config.tab!.appIdUri;
}, 60_000);
afterAll(async () => {
  await sut?.close();
  await emulator?.close();
});

const base = (): string => `http://127.0.0.1:${sut.running.port}`;
const demoUserId = (): string => emulator.tenant!.demoUserId;
const userNamed = (name: string) => emulator.tenant!.users.find((u) => u.displayName === name)!;
const tokenFor = (userId: string, options: { audience?: string; scopes?: string[]; roles?: string[] } = {}) => emulator.userToken(userId, { audience, ...options });

async function get<T = Json>(path: string, token?: string): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${base()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

function callsOf(userId: string): Json[] {
  const now = emulator.now().getTime();
  return emulator.tenant!.records.filter((r) => participantIds(r).includes(userId) && Date.parse(String(r.endDateTime)) <= now && Date.parse(String(r.startDateTime)) > now - 30 * 86_400_000);
}

/** A user token signed by the emulator but fetched at 127.0.0.1 instead of localhost: its issuer names another authority. */
async function tokenWithForeignIssuer(userId: string): Promise<string> {
  const url = new URL(emulator.baseUrl);
  const res = await fetch(`https://127.0.0.1:${url.port}/_emulator/tokens/user`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, audience, scopes: ['access_as_user'] }) });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('tab API authentication', () => {
  it('when no token or a malformed one is sent, then 401 with the JSON error shape', async () => {
    const none = await get('/api/calls');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/bearer token/) } });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get('/api/me', 'garbage')).status).toBe(401);
  });

  it('when the emulator issues a token for the tab, then /api/me says who the user is', async () => {
    const me = await get<MeResponse>('/api/me', await tokenFor(demoUserId()));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: demoUserId(), displayName: 'Alex Wilber', tenantId: emulator.tenantId, helpdesk: false, demo: true });
  });

  it('when the token is for another audience or lacks access_as_user, then 401 naming the check', async () => {
    const wrongAudience = await get('/api/me', await tokenFor(demoUserId(), { audience: 'api://someone-else/app' }));
    expect(wrongAudience.status).toBe(401);
    expect((wrongAudience.body as { error: { message: string } }).error.message).toMatch(/audience/);
    const noScope = await get('/api/me', await tokenFor(demoUserId(), { scopes: ['User.Read'] }));
    expect(noScope.status).toBe(401);
    expect((noScope.body as { error: { message: string } }).error.message).toMatch(/access_as_user/);
  });

  it('when the token comes from another issuer, or is signed with another key, then 401', async () => {
    const foreign = await get('/api/me', await tokenWithForeignIssuer(demoUserId()));
    expect(foreign.status).toBe(401);
    expect((foreign.body as { error: { message: string } }).error.message).toMatch(/another authority/);
    // Same claims, same kid, but the attacker's key.
    const genuine = await tokenFor(demoUserId());
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString('utf8')) as Json;
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(genuine).kid! }).sign(privateKey);
    const answer = await get('/api/me', forged);
    expect(answer.status).toBe(401);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/signature/);
  });

  it('when the server clock is past the token’s expiry, or before its not-before, then 401', async () => {
    const token = await tokenFor(demoUserId());
    try {
      skewMs = 2 * 60 * 60 * 1000;
      expect((await get<{ error: { message: string } }>('/api/me', token)).body.error.message).toMatch(/expired/);
      skewMs = -10 * 60 * 1000;
      expect((await get<{ error: { message: string } }>('/api/me', token)).body.error.message).toMatch(/not valid yet/);
    } finally {
      skewMs = 0;
    }
    expect((await get('/api/me', token)).status).toBe(200);
  });

  it('when a demo route is called, then it lists users and issues a token the API accepts', async () => {
    const users = await get<DemoUsersResponse>('/api/demo/users');
    expect(users.status).toBe(200);
    expect(users.body.users.find((u) => u.demoUser)?.id).toBe(demoUserId());
    expect(users.body.users.find((u) => u.helpdesk)?.displayName).toBe('Megan Bowen');
    const res = await fetch(`${base()}/api/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'megan.bowen@contoso.com' }) });
    const { token } = (await res.json()) as { token: string };
    expect((await get<MeResponse>('/api/me', token)).body).toMatchObject({ displayName: 'Megan Bowen', helpdesk: true, roles: ['CallDoctor.Helpdesk'] });
    const unknown = await fetch(`${base()}/api/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'nobody@contoso.com' }) });
    expect(unknown.status).toBe(404);
  });
});

describe('tab API calls', () => {
  it('when the user lists calls, then they get their own calls newest first, paged, with verdicts', async () => {
    const token = await tokenFor(demoUserId());
    const first = await get<CallListResponse>('/api/calls?limit=5', token);
    expect(first.status).toBe(200);
    expect(first.body.calls).toHaveLength(5);
    const mine = new Set(callsOf(demoUserId()).map((r) => r.id));
    for (const c of first.body.calls) expect(mine.has(c.id)).toBe(true);
    const starts = first.body.calls.map((c) => Date.parse(c.startDateTime));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(first.body.next).toMatch(/^\/api\/calls\?limit=5&cursor=/);
    const second = await get<CallListResponse>(first.body.next!, token);
    expect(second.body.calls.map((c) => c.id).some((id) => first.body.calls.some((c) => c.id === id))).toBe(false);
    expect(Date.parse(second.body.calls[0]!.startDateTime)).toBeLessThanOrEqual(starts[4]!);
  });

  it('when the user filters poor calls, then only poor, dropped or failed calls come back', async () => {
    const token = await tokenFor(demoUserId());
    const poor = await get<CallListResponse>('/api/calls?verdict=poor&limit=10', token);
    expect(poor.body.calls.length).toBeGreaterThan(0);
    for (const c of poor.body.calls) expect(['poor', 'dropped', 'setup-failed']).toContain(c.verdict);
    const bad = await get('/api/calls?verdict=awful', token);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: 'bad_request', message: 'verdict must be one of poor, dropped.' } });
  });

  it('when the user opens their own call, then 200 with the diagnosis and sessions with CQD classes; someone else’s call is a 404 like an unknown id', async () => {
    const token = await tokenFor(demoUserId());
    const own = callsOf(demoUserId())[0]!;
    const detail = await get<CallDetailResponse>(`/api/calls/${String(own.id)}`, token);
    expect(detail.status).toBe(200);
    expect(detail.body.diagnosis.verdict).toMatch(/good|poor|dropped|setup-failed|unclassified/);
    expect(detail.body.sessions.length).toBe((own.sessions as unknown[]).length);
    expect(detail.body.sessions[0]!.involvesUser).toBe(true);
    const classified = detail.body.sessions.flatMap((s) => s.segments.flatMap((g) => g.media.flatMap((m) => m.streams))).filter((s) => s.cqd);
    expect(classified.length).toBeGreaterThan(0);
    const jitter = classified.flatMap((s) => s.cqd!.metrics).find((m) => m.name === 'averageJitter');
    expect(jitter).toMatchObject({ thresholdKey: 'audio.jitterMs', comparison: 'above', source: expect.stringMatching(/CQD/) });
    expect(detail.body.helpdesk).toBe(false);

    const notMine = emulator.tenant!.records.find((r) => !participantIds(r).includes(demoUserId()))!;
    const other = await get(`/api/calls/${String(notMine.id)}`, token);
    const unknown = await get('/api/calls/00000000-0000-4000-8000-000000000bad', token);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
  });

  it('when a helpdesk user reads someone else’s call, then 200 marked helpdesk, and the read is in the audit log', async () => {
    const helpdesk = userNamed('Megan Bowen');
    const token = await tokenFor(helpdesk.id, { roles: ['CallDoctor.Helpdesk'] });
    const alexCall = callsOf(demoUserId()).find((r) => !participantIds(r).includes(helpdesk.id))!;
    const detail = await get<CallDetailResponse>(`/api/calls/${String(alexCall.id)}?user=${demoUserId()}`, token);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ helpdesk: true, viewedUserId: demoUserId() });
    const list = await get<CallListResponse>(`/api/calls?user=${demoUserId()}&limit=3`, token);
    expect(list.body.helpdesk).toBe(true);
    const audit = await get<AuditLogResponse>('/api/helpdesk/audit', token);
    expect(audit.body.entries.slice(0, 2)).toEqual([
      expect.objectContaining({ actorId: helpdesk.id, subjectId: demoUserId(), callId: null, action: 'listCalls' }),
      expect.objectContaining({ actorId: helpdesk.id, actorName: 'Megan Bowen', subjectId: demoUserId(), callId: alexCall.id, action: 'readCall', at: expect.any(String) }),
    ]);
    const lookup = await get('/api/helpdesk/users?upn=alex.wilber@contoso.com', token);
    expect(lookup.body).toEqual({ id: demoUserId(), displayName: 'Alex Wilber', userPrincipalName: 'alex.wilber@contoso.com' });

    // Without the role: no audit log, no one else's calls.
    const plain = await tokenFor(demoUserId());
    expect((await get('/api/helpdesk/audit', plain)).status).toBe(403);
    expect((await get(`/api/calls?user=${helpdesk.id}`, plain)).status).toBe(403);
  });
});

describe('tab API quality', () => {
  it('when the user asks for My quality, then the rates cover their own calls', async () => {
    const res = await get<MyQualityResponse>('/api/me/quality?tz=Europe/Berlin', await tokenFor(demoUserId()));
    expect(res.status).toBe(200);
    expect(res.body.quality.calls).toBeGreaterThan(0);
    expect(res.body.quality.calls).toBeLessThanOrEqual(callsOf(demoUserId()).length + 5);
    expect(res.body.quality.headline).toMatch(/calls/);
    expect((await get('/api/me/quality?tz=Mars/Olympus', await tokenFor(demoUserId()))).status).toBe(400);
  }, 60_000);

  it('when a member opens the channel view, then aggregates show and no one’s name or call appears; a small team is withheld; a non-member gets 404', async () => {
    const token = await tokenFor(demoUserId());
    const team = await get<TeamQualityResponse>(`/api/teams/${SUPPORT_TEAM_ID}/quality?days=7`, token);
    expect(team.status).toBe(200);
    expect(team.body.quality.withheld).toBe(false);
    const text = JSON.stringify(team.body);
    for (const user of emulator.tenant!.users) {
      expect(text).not.toContain(user.displayName);
      expect(text).not.toContain(user.id);
    }
    expect(text).not.toMatch(/"callId"/);
    const small = await get<TeamQualityResponse>(`/api/teams/${SMALL_TEAM_ID}/quality`, token);
    expect(small.body.quality).toMatchObject({ withheld: true, minimumPeople: 5, reason: expect.stringMatching(/5 or more/) });
    const outsider = emulator.tenant!.users[20]!;
    expect((await get(`/api/teams/${SUPPORT_TEAM_ID}/quality?days=7`, await tokenFor(outsider.id))).status).toBe(404);
  }, 120_000);
});
