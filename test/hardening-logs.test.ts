// Issue 16, logs: an end-to-end run of the composed server (questions, card buttons, a phone-call
// question, a Graph outage, a reply the Bot Connector cannot take, malformed, oversized and
// unauthenticated requests) and then every log line is scanned for tokens, IP and MAC addresses,
// BSSIDs and phone numbers, both by pattern and by the very values the emulator's records hold.
// Nothing may reach the console past the redacting logger either.
import { isIPv4, isIPv6 } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import { buttons } from '../bot/testing/cardReading.js';
import { participantIds, startLoopbackConnector, startServerAgainst, type LoopbackConnector, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;

const BOT_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
let emulator: EmulatorHandle;
let sut: ServerUnderTest;
let secured: ServerUnderTest;
let connector: LoopbackConnector;
const consoleCalls: unknown[][] = [];
let forgedToken = '';

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
  emulator = await startEmulator();
  sut = await startServerAgainst(emulator);
  secured = await startServerAgainst(emulator, { BOT_ID, BOT_PASSWORD: 'not-a-real-secret' });
  connector = await startLoopbackConnector();
  forgedToken = await new SignJWT({ aud: BOT_ID, serviceurl: connector.serviceUrl, tid: emulator.tenantId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://api.botframework.com')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('forged-key-forged-key-forged-key'));
});
afterAll(async () => {
  vi.restoreAllMocks();
  emulator?.clearFaults();
  await sut?.close();
  await secured?.close();
  await connector?.close();
  await emulator?.close();
});

function activity(userId: string, extra: Json = {}): Json {
  return {
    type: 'message',
    id: `log-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: `29:${userId}`, name: 'Caller', aadObjectId: userId },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: emulator.tenantId },
    channelData: { tenant: { id: emulator.tenantId } },
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

async function post(target: ServerUnderTest, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${target.running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

/** Every string in the tenant's records under a key that holds an address, a Wi-Fi id or a number. */
function sensitiveValuesInRecords(): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /ipaddress|macaddress|bssid|subnet|number|phone/i.test(key) && value.length >= 6) found.add(value);
    else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => visit(v, k));
  };
  emulator.tenant!.records.forEach((r) => visit(r));
  return found;
}

describe('log hygiene over an end-to-end run', () => {
  it('when the bot is used, fails and refuses requests, then no log line carries a token, an IP or MAC address, a BSSID or a phone number, and the console stays silent', { timeout: 120_000 }, async () => {
    const tenant = emulator.tenant!;
    const callers = tenant.users.map((u) => u.id).filter((id) => tenant.records.some((r) => participantIds(r).includes(id)));
    const asker = tenant.demoUserId;

    // Questions, card buttons and a phone number typed by the user.
    for (const text of ['why did my last call drop', 'poor calls this week', 'show my last 5 calls', 'why did my call to +1 425 555 0187 fail', 'call 425-555-0187 failed, why?', 'alert me only when a call drops', 'help']) {
      expect((await post(sut, JSON.stringify(activity(asker, { text })))).status).toBe(200);
    }
    const answered = await post(sut, JSON.stringify(activity(asker, { text: 'why did my last call drop' })));
    const card = ((answered.body.activities as Json[]) ?? []).find((a) => Array.isArray(a.attachments) && (a.attachments as unknown[]).length > 0)!;
    for (const button of buttons(card).filter((b) => b.data)) await post(sut, JSON.stringify(activity(asker, { value: button.data })));

    // Graph down for someone not cached yet.
    emulator.injectFaults({ status: 503, retryAfterSeconds: 0, count: Infinity, pathIncludes: 'callRecords' });
    await post(sut, JSON.stringify(activity(callers.at(-1)!, { text: 'why did my last call drop' })));
    emulator.clearFaults();

    // A reply the Bot Connector cannot take (normal delivery to a closed port on this machine).
    await post(sut, JSON.stringify(activity(callers.at(-2)!, { text: 'help', deliveryMode: 'normal', serviceUrl: 'http://127.0.0.1:9/' })));

    // Refused requests: malformed, wrong types, oversized, not JSON, unauthenticated, forged token.
    expect((await post(sut, '{"type":')).status).toBe(400);
    expect((await post(sut, JSON.stringify(activity(asker, { text: 'hi', locale: 1033 })))).status).toBe(400);
    expect((await post(sut, JSON.stringify(activity(asker, { text: 'x'.repeat(300_000) })))).status).toBe(413);
    expect((await post(sut, 'type=message', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(secured, JSON.stringify(activity(asker, { text: 'hi' })))).status).toBe(401);
    expect((await post(secured, JSON.stringify(activity(asker, { text: 'hi' })), { authorization: `Bearer ${forgedToken}` })).status).toBe(401);
    expect((await post(secured, JSON.stringify(activity(asker, { text: 'hi' })), { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' })).status).toBe(401);

    const log = `${sut.logText()}\n${secured.logText()}`;
    const lines = log.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(50);
    // The run did reach the error paths whose lines matter most.
    expect(log).toContain('bot request refused');
    expect(log).toMatch(/unhandled error in bot turn|could not send the apology/);

    const leaks: string[] = [];
    for (const line of lines) {
      if (/eyJ[\w-]{5,}\.[\w-]{5,}/.test(line) || line.includes(forgedToken)) leaks.push(`token: ${line.slice(0, 200)}`);
      if (/bearer\s+(?!\[redacted\])\S/i.test(line)) leaks.push(`bearer: ${line.slice(0, 200)}`);
      for (const candidate of line.match(/(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g) ?? []) if (isIPv4(candidate)) leaks.push(`IPv4 ${candidate}`);
      for (const candidate of line.match(/(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi) ?? []) if (isIPv6(candidate) && candidate !== '::') leaks.push(`IPv6 ${candidate}`);
      for (const mac of line.match(/(?<![\w:-])[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}(?![\w:-])/gi) ?? []) leaks.push(`MAC/BSSID ${mac}`);
      for (const phone of line.match(/\+\d[\d\s().-]{6,}\d/g) ?? []) leaks.push(`phone ${phone}`);
      for (const typed of ['425 555 0187', '425-555-0187', '4255550187']) if (line.includes(typed)) leaks.push(`typed phone ${typed}`);
    }
    const recorded = sensitiveValuesInRecords();
    expect(recorded.size).toBeGreaterThan(0);
    for (const value of recorded) if (log.includes(value)) leaks.push(`record value ${value}`);

    expect(leaks).toEqual([]);
    expect(consoleCalls.map((args) => args.map(String).join(' ').slice(0, 200))).toEqual([]);
  });
});
