// Issue 16, identity: every route that takes a token refuses missing, malformed, expired,
// not-yet-valid, wrongly signed, `alg: none`, HMAC-confused, wrong-issuer, wrong-audience and
// wrong-tenant tokens, one table over each route family: the bot's /api/messages with BOT_ID set
// (botbuilder's own validation, pointed at a loopback OpenID configuration instead of the Bot
// Framework's, which is not reachable here), the tab API, and its helpdesk and admin routes. Each
// table also has a valid row, so a route that answered 401 to everything would fail.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, createBotAdapter } from '../bot/index.js';
import { ALEX, RAVI } from '../bot/testing/activities.js';
import { testCall } from '../bot/testing/callRecords.js';
import { FakeCallRecords } from '../bot/testing/fakeCallRecords.js';
import { createMemoryStores } from '../bot/testing/memoryStores.js';
import { testLinks } from '../bot/testing/testBot.js';
import type { AuditEntry } from '../tab/api/contract.js';
import { createTabApi, createTokenValidator, type HelpdeskAuditLog } from '../tab/api/index.js';
import { newSigningKey, startTestAuthority, TEST_AUDIENCE, type TestAuthority } from '../tab/api/testing/tokenAuthority.js';
import { createDiagnose, thresholdsFromConfig } from '../server/diagnosisWiring.js';
import { createHttpApp, listen, type RunningServer } from '../server/http/index.js';
import { createLogger } from '../server/logging/index.js';

type Json = Record<string, unknown>;

const TENANT = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
const OTHER_TENANT = 'cccccccc-3333-4333-8333-cccccccccccc';
const BOT_ID = '0b0b0b0b-4444-4444-8444-0000000000b0';
const ADMIN_ROLES = ['CallDoctor.Helpdesk', 'CallDoctor.Admin'];
const GROUP_ID = 'dddddddd-4444-4444-8444-dddddddddddd';
const ALEX_UPN = 'alex@contoso.com';

// Both validators use the real clock (botbuilder's jsonwebtoken has no injectable one), so tokens are dated from it.
const now = (): Date => new Date();
const seconds = (): number => Math.floor(Date.now() / 1000);

let authority: TestAuthority;
let openId: Server;
let botIssuer: string;
let openIdMetadataUrl: string;
let botServer: RunningServer;
let tabServer: RunningServer;
const logLines: string[] = [];
const audit: AuditEntry[] = [];

function recordingLogger() {
  return createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
}

beforeAll(async () => {
  authority = await startTestAuthority(TENANT, now);
  // The Bot Framework's OpenID configuration, served on loopback: its jwks_uri is the test authority's key set.
  openId = createServer((req, res) => {
    if (req.url === '/v1/.well-known/openidconfiguration') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: botIssuer, jwks_uri: authority.jwksUrl, id_token_signing_alg_values_supported: ['RS256'] }));
    else res.writeHead(404).end();
  });
  openId.listen(0, '127.0.0.1');
  await once(openId, 'listening');
  const base = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;
  botIssuer = `${base}/botframework`;
  openIdMetadataUrl = `${base}/v1/.well-known/openidconfiguration`;

  const logger = recordingLogger();
  const records = [testCall({ id: 'alex-dropped', start: new Date(Date.now() - 3_600_000).toISOString(), with: [RAVI], quality: 'dropped' })];

  const adapter = createBotAdapter({ appId: BOT_ID, appPassword: 'not-used-with-expect-replies', appType: 'SingleTenant', tenantId: TENANT }, logger, { openIdMetadataUrl, issuer: botIssuer });
  const { app } = createBot({ tenantId: TENANT, calls: new FakeCallRecords({ records }), diagnose: createDiagnose(thresholdsFromConfig({})), stores: createMemoryStores(), links: testLinks, now, logger, adapter, typingIndicator: false, botAppId: BOT_ID });
  botServer = await listen(createHttpApp({ logger, health: { mode: 'production', version: 'identity' }, bot: { adapter, app } }), 0, '127.0.0.1');

  const auditLog: HelpdeskAuditLog = {
    record: async (_tenant, entry) => void audit.unshift({ ...entry, at: now().toISOString() }),
    recent: async (_tenant, limit) => audit.slice(0, limit),
  };
  const thresholds = thresholdsFromConfig({});
  const tabApi = createTabApi({
    calls: new FakeCallRecords({ records }),
    directory: {
      groupMembers: async () => [],
      findUser: async (upn) => (upn === ALEX_UPN ? { id: ALEX.id, displayName: ALEX.name, userPrincipalName: ALEX_UPN } : null),
    },
    diagnose: createDiagnose(thresholds),
    thresholds,
    // As server/tabApiWiring.ts builds it for production.
    validateToken: createTokenValidator({ jwksUrl: authority.jwksUrl, issuers: [authority.issuer], audiences: [TEST_AUDIENCE], tenantId: TENANT }, { now }),
    audit: auditLog,
    poisonedAlerts: { recent: async () => [] },
    now,
    logger,
    mode: 'production',
  });
  tabServer = await listen(createHttpApp({ logger, health: { mode: 'production', version: 'identity' }, routers: [tabApi] }), 0, '127.0.0.1');
});

afterAll(async () => {
  await botServer?.close();
  await tabServer?.close();
  await authority?.close();
  openId?.closeAllConnections();
  openId?.close();
});

// --- the table --------------------------------------------------------------------------------

/** What a route family's valid token looks like; each bad row changes one thing about it. */
interface Family {
  readonly issuer: () => string;
  readonly audience: string;
  readonly claims: () => Json;
}

type Authorization = string | undefined;

interface Row {
  readonly name: string;
  readonly authorization: (family: Family) => Promise<Authorization>;
  /** Bot Framework channel tokens carry no tenant: the bot's tenant check is on the activity (its own test below). */
  readonly tabOnly?: boolean;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const bearer = (token: string): string => `Bearer ${token}`;
const sign = (family: Family, options: Parameters<TestAuthority['sign']>[1] = {}, extra: Json = {}): Promise<string> =>
  authority.sign({ ...family.claims(), ...extra }, { issuer: family.issuer(), audience: family.audience, ...options });

const BAD_ROWS: readonly Row[] = [
  { name: 'missing', authorization: async () => undefined },
  { name: 'empty bearer', authorization: async () => 'Bearer ' },
  { name: 'another scheme', authorization: async (f) => `Basic ${Buffer.from(`x:${await sign(f)}`).toString('base64')}` },
  { name: 'malformed', authorization: async () => bearer('not-a-jwt') },
  { name: 'three dots of garbage', authorization: async () => bearer('eyJhbGciOi.eyJzdWIiOi.c2ln') },
  { name: 'expired', authorization: async (f) => bearer(await sign(f, { iat: seconds() - 7200, nbf: seconds() - 7200, exp: seconds() - 3600 })) },
  { name: 'not yet valid', authorization: async (f) => bearer(await sign(f, { iat: seconds(), nbf: seconds() + 3600, exp: seconds() + 7200 })) },
  { name: 'wrongly signed, unknown key', authorization: async (f) => bearer(await sign(f, { key: await newSigningKey() })) },
  { name: 'wrongly signed, published kid', authorization: async (f) => bearer(await sign(f, { key: { ...(await newSigningKey()), kid: authority.key.kid } })) },
  {
    name: 'alg none',
    authorization: async (f) => bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...f.claims(), tid: TENANT, scp: 'access_as_user', iss: f.issuer(), aud: f.audience, iat: seconds(), nbf: seconds() - 60, exp: seconds() + 600 })}.`),
  },
  {
    // Key confusion: HS256 with the authority's public key as the shared secret.
    name: 'HMAC with the public key',
    authorization: async (f) =>
      bearer(
        await new SignJWT({ ...f.claims(), tid: TENANT, scp: 'access_as_user' })
          .setProtectedHeader({ alg: 'HS256', kid: authority.key.kid })
          .setIssuer(f.issuer())
          .setAudience(f.audience)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(JSON.stringify(authority.key.jwk))),
      ),
  },
  { name: 'wrong issuer', authorization: async (f) => bearer(await sign(f, { issuer: `https://login.microsoftonline.com/${TENANT}/v2.0` })) },
  // A Bot Framework emulator issuer is a second road in botbuilder: its keys are fetched from the same (stand-in) metadata.
  { name: 'Bot Framework emulator issuer', authorization: async (f) => bearer(await sign(f, { issuer: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' })) },
  { name: 'wrong audience', authorization: async (f) => bearer(await sign(f, { audience: 'api://someone-else/6d1c1f44' })) },
  { name: 'wrong tenant', tabOnly: true, authorization: async (f) => bearer(await sign(f, { issuer: f.issuer().replace(TENANT, OTHER_TENANT) }, { tid: OTHER_TENANT })) },
];

// --- the bot ----------------------------------------------------------------------------------

function activityFor(serviceUrl: string, tenantId = TENANT): Json {
  return {
    type: 'message',
    id: 'identity-1',
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    text: 'why did my last call drop',
    from: { id: `29:${ALEX.id}`, name: ALEX.name, aadObjectId: ALEX.id },
    recipient: { id: `28:${BOT_ID}`, name: 'Call Doctor' },
    conversation: { id: `a:personal-${ALEX.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    deliveryMode: 'expectReplies',
  };
}

const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

const botFamily: Family = { issuer: () => botIssuer, audience: BOT_ID, claims: () => ({ serviceurl: SERVICE_URL }) };

async function postActivity(authorization: Authorization, activity: Json = activityFor(SERVICE_URL)): Promise<{ status: number; body: string }> {
  const res = await fetch(`${botServer.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) }, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}

function replyTexts(body: string): string {
  const activities = ((JSON.parse(body) as { activities?: Json[] }).activities ?? []) as Json[];
  return JSON.stringify(activities);
}

describe('identity: POST /api/messages with BOT_ID set', () => {
  it('when the Bot Connector sends a valid channel token, then the question is answered (the table below is not refusing everything)', async () => {
    const answer = await postActivity(bearer(await sign(botFamily)));
    expect(answer.status).toBe(200);
    expect(replyTexts(answer.body)).toMatch(/dropped|drop/i);
  });

  it.each(BAD_ROWS.filter((row) => !row.tabOnly).map((row) => [row.name, row] as const))('when the token is %s, then 401 in the JSON error shape and no turn runs', async (_name, row) => {
    const answer = await postActivity(await row.authorization(botFamily));
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/Bot Connector/), requestId: expect.any(String) } });
    // botbuilder's reason stays in the operator's log, never in the answer.
    expect(answer.body).not.toMatch(/jwt|signature|expired|issuer|audience|botbuilder|at \w+ \(/i);
    expect(answer.body).not.toMatch(/why did my last call drop|alex-dropped/);
  });

  it('when a valid token names another serviceUrl than the activity, then 401 (a token is not replayable to another region)', async () => {
    const token = await sign(botFamily, {}, { serviceurl: 'https://smba.trafficmanager.net/amer/' });
    expect((await postActivity(bearer(token))).status).toBe(401);
  });

  it('when a valid channel token carries an activity from another tenant, then only the one-sentence refusal comes back, with no call in it', async () => {
    const answer = await postActivity(bearer(await sign(botFamily)), activityFor(SERVICE_URL, OTHER_TENANT));
    expect(answer.status).toBe(200);
    const text = replyTexts(answer.body);
    expect(text).toMatch(/answers only people of the organisation/);
    expect(text).not.toMatch(/alex-dropped|dropped|Ravi/i);
  });
});

// --- the tab API, helpdesk and admin routes ---------------------------------------------------

const tabFamily = (roles: readonly string[]): Family => ({ issuer: () => authority.issuer, audience: TEST_AUDIENCE, claims: () => ({ oid: ALEX.id, name: ALEX.name, preferred_username: ALEX_UPN, roles: [...roles] }) });

/** Every tab API route (tab/api/routes/*.ts), with the role its valid token needs. */
const TAB_ROUTES: readonly { readonly family: string; readonly path: string; readonly roles: readonly string[] }[] = [
  { family: 'tab', path: '/api/me', roles: [] },
  { family: 'tab', path: '/api/calls?limit=5', roles: [] },
  { family: 'tab', path: '/api/calls/alex-dropped', roles: [] },
  { family: 'tab', path: '/api/me/quality?tz=Europe/Berlin', roles: [] },
  { family: 'tab', path: `/api/teams/${GROUP_ID}/quality?days=7`, roles: [] },
  { family: 'tab', path: '/api/no-such-route', roles: [] },
  { family: 'helpdesk', path: `/api/calls?user=${RAVI.id}`, roles: ADMIN_ROLES },
  { family: 'helpdesk', path: `/api/calls/alex-dropped?user=${RAVI.id}`, roles: ADMIN_ROLES },
  { family: 'helpdesk', path: `/api/helpdesk/users?upn=${ALEX_UPN}`, roles: ADMIN_ROLES },
  { family: 'admin', path: '/api/helpdesk/audit', roles: ['CallDoctor.Admin'] },
  { family: 'admin', path: '/api/admin/alerts/poison', roles: ['CallDoctor.Admin'] },
];

async function getTab(path: string, authorization: Authorization): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${tabServer.url}${path}`, { headers: authorization === undefined ? {} : { authorization } });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

describe('identity: the tab API, helpdesk and admin routes', () => {
  it.each(TAB_ROUTES.map((route) => [route.family, route.path, route] as const))('when a valid %s token calls %s, then it is not refused as unauthenticated', async (_family, _path, route) => {
    const answer = await getTab(route.path, bearer(await sign(tabFamily(route.roles))));
    expect(answer.status).not.toBe(401);
    expect(answer.status).toBeLessThan(500);
  });

  const cases = TAB_ROUTES.flatMap((route) => BAD_ROWS.map((row) => [route.path, row.name, route, row] as const));
  it.each(cases)('when %s gets a token that is %s, then 401 in the JSON error shape with a Bearer challenge', async (_path, _name, route, row) => {
    const auditedBefore = audit.length;
    const answer = await getTab(route.path, await row.authorization(tabFamily(route.roles)));
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect((answer.body.error as Json).message).not.toMatch(/eyJ|at \w+ \(|jose|JWS|JWT\w/);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    // A refused token reads nothing, so nothing is audited.
    expect(audit.length).toBe(auditedBefore);
  });

  it('when a token of the tenant lacks the access_as_user scope, then 401 on every route', async () => {
    for (const route of TAB_ROUTES) expect((await getTab(route.path, bearer(await sign(tabFamily(route.roles), {}, { scp: 'User.Read' })))).status).toBe(401);
  });

  it('when a valid token without the helpdesk role asks for the helpdesk and admin routes, then 403, never data', async () => {
    for (const route of TAB_ROUTES.filter((r) => r.family !== 'tab')) {
      const answer = await getTab(route.path, bearer(await sign(tabFamily([]))));
      expect(answer.status).toBe(403);
    }
    // And no token made it into a log line (the redacting logger).
    expect(logLines.join('')).not.toMatch(/eyJ[\w-]{10,}\.eyJ/);
  });
});
