// Issue 16, bad input: seeded fuzzing of POST /api/messages (activity shapes and field types, very
// long and unicode text, card-action payloads, card injection) and of call-record parsing, at least
// 10,000 cases each, loopback only. The server never crashes, a refusal is a 4xx with a clear JSON
// message, no error body carries a stack or a library's message, and every card that comes back is
// valid Adaptive Card 1.5 with the injected text escaped.
import * as AC from 'adaptivecards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, createBotAdapter } from '../bot/index.js';
import { ALEX, RAVI, TEST_TENANT_ID } from '../bot/testing/activities.js';
import { testCall } from '../bot/testing/callRecords.js';
import { documentationCall } from '../bot/testing/documentationRecords.js';
import { FakeCallRecords } from '../bot/testing/fakeCallRecords.js';
import { createMemoryStores } from '../bot/testing/memoryStores.js';
import { testLinks } from '../bot/testing/testBot.js';
import { diagnoseCall, parseCallRecord } from '../diagnosis/index.js';
import { createDiagnose, thresholdsFromConfig } from '../server/diagnosisWiring.js';
import { createHttpApp, listen, type RunningServer } from '../server/http/index.js';
import { createLogger } from '../server/logging/index.js';
import { startLoopbackConnector, type LoopbackConnector } from './server-harness.js';
import { seededRandom, type Random } from './support/seededRandom.js';
import { Writable } from 'node:stream';

type Json = Record<string, unknown>;

const SEED = 16_2026;
const CASES = 10_000;
const IN_FLIGHT = 8;

const NOW = new Date('2026-11-28T15:00:00.000Z');
const records = [
  testCall({ id: 'alex-dropped', start: '2026-11-28T14:30:00Z', with: [RAVI], quality: 'dropped' }),
  testCall({ id: 'alex-poor', start: '2026-11-28T10:00:00Z', with: [RAVI], quality: 'packet-loss' }),
  testCall({ id: 'alex-good', start: '2026-11-27T09:00:00Z', with: [RAVI] }),
];

let server: RunningServer;
let connector: LoopbackConnector;
const logLines: Json[] = [];

beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Json);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const adapter = createBotAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' }, logger);
  const { app } = createBot({
    tenantId: TEST_TENANT_ID,
    calls: new FakeCallRecords({ records }),
    diagnose: createDiagnose(thresholdsFromConfig({})),
    stores: createMemoryStores(),
    links: testLinks,
    now: () => NOW,
    logger,
    adapter,
    typingIndicator: false,
  });
  server = await listen(createHttpApp({ logger, health: { mode: 'demo', version: 'fuzz' }, bot: { adapter, app } }), 0, '127.0.0.1');
  connector = await startLoopbackConnector();
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

// --- generators -----------------------------------------------------------------------------

const QUESTIONS = ['why did my last call drop', 'poor calls this week', 'show my last 5 calls', 'how was my call with Ravi', 'my 2pm meeting', 'help', 'alert me only when a call drops', 'why did my call to +1 425 555 0187 fail', 'thanks'];
// Attempts to break out of a card's JSON, its Markdown or its templating, and to impersonate a button.
const INJECTIONS = [
  '"}]},{"type":"Action.OpenUrl","url":"https://evil.example"}',
  '**[Click to re-authenticate](https://evil.example/login)**',
  '![x](https://evil.example/pixel.png)',
  '<at>Call Doctor</at> <script>alert(1)</script>',
  '${$root.secret} {{user.password}} ${if(true, "x", "y")}',
  '`code` _under_ \\*star\\* [a](b)',
  '\u0000\u0001\u200b\u202e\ud83d\ude00 \ud800',
  'calls with [Ravi](https://evil.example)',
  'why did my call to ](javascript:alert(1)) fail',
];
const UNICODE = ['Grüße', '通话质量', 'مكالمتي', '📞💥', 'ℌ𝔢𝔩𝔩𝔬', 'e\u0301', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'];

function randomString(r: Random): string {
  switch (r.int(6)) {
    case 0:
      return '';
    case 1:
      return r.pick(QUESTIONS);
    case 2:
      return r.pick(INJECTIONS);
    case 3:
      return Array.from({ length: 1 + r.int(8) }, () => r.pick(UNICODE)).join(' ');
    case 4:
      // Very long, still under the body limit.
      return `${r.pick(QUESTIONS)} ${'x'.repeat(r.int(60_000))}`;
    default:
      return String.fromCharCode(...Array.from({ length: r.int(40) }, () => r.int(0xffff)));
  }
}

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return r.int(2_000_000) - 1_000_000;
    case 1:
      return r.chance(0.5);
    case 2:
      return null;
    case 3:
      return randomString(r);
    case 4:
      return r.pick([0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308]);
    case 5:
      return undefined;
    case 6:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(4) }, (_, i) => [r.pick(['id', 'name', 'type', 'text', 'verb', 'mentioned', `k${i}`]), randomValue(r, depth + 1)]));
  }
}

const VERBS = ['showRecentCalls', 'lastCall', 'diagnoseCall', 'feedback', 'notifyWhenReady', 'setAlerts', 'help', 'unknownVerb'];

function cardAction(r: Random): Json {
  const data: Json = { verb: r.pick(VERBS) };
  if (r.chance(0.7)) data.callId = r.pick(['alex-dropped', 'alex-poor', 'megans', '', '../../etc/passwd', 'x'.repeat(5000), randomValue(r)]);
  if (r.chance(0.6)) data.helpful = r.pick([true, false, 'yes', 1, null]);
  if (r.chance(0.6)) data.causeCode = r.pick(['packet-loss', 'dropped-unexpectedly', null, 'forged-cause', randomValue(r)]);
  if (r.chance(0.6)) data.askedBy = r.pick([ALEX.id, RAVI.id, ALEX.id.toUpperCase(), randomValue(r)]);
  if (r.chance(0.4)) data.mode = r.pick(['all', 'drops', 'off', 'sometimes', randomValue(r)]);
  return data;
}

function baseActivity(r: Random, n: number): Json {
  const submit = r.chance(0.3);
  return {
    type: 'message',
    id: `fuzz-${n}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: NOW.toISOString(),
    locale: 'en-US',
    from: { id: `29:${ALEX.id}`, name: ALEX.name, aadObjectId: ALEX.id },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${ALEX.id}`, conversationType: r.pick(['personal', 'personal', 'groupChat', 'channel']), tenantId: TEST_TENANT_ID },
    channelData: { tenant: { id: TEST_TENANT_ID } },
    ...(submit ? { value: cardAction(r) } : { text: randomString(r) }),
    ...(r.chance(0.3) ? { entities: [{ type: 'mention', mentioned: { id: '28:call-doctor', name: 'Call Doctor' }, text: '<at>Call Doctor</at>' }] } : {}),
    deliveryMode: 'expectReplies',
  };
}

const PATHS = [
  'type', 'channelId', 'serviceUrl', 'id', 'locale', 'localTimezone', 'textFormat', 'timestamp', 'localTimestamp', 'replyToId', 'deliveryMode', 'text', 'value',
  'value.verb', 'value.callId', 'value.helpful', 'value.causeCode', 'value.askedBy', 'value.action', 'entities', 'entities.0', 'entities.0.type', 'entities.0.mentioned',
  'entities.0.mentioned.id', 'entities.0.text', 'attachments', 'attachments.0', 'from', 'from.id', 'from.name', 'from.aadObjectId', 'from.role', 'recipient', 'recipient.id',
  'recipient.name', 'conversation', 'conversation.id', 'conversation.conversationType', 'conversation.tenantId', 'conversation.isGroup', 'conversation.name', 'channelData',
  'channelData.tenant', 'channelData.tenant.id', 'channelData.team', 'channelData.eventType', 'membersAdded', 'membersAdded.0', 'membersRemoved', 'name', 'action', 'relatesTo',
];
const TYPES = ['message', 'conversationUpdate', 'installationUpdate', 'invoke', 'event', 'messageReaction', 'typing', 'endOfConversation', 'Message', 'x'];

function setPath(target: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Json = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = /^\d+$/.test(parts[parts.indexOf(part) + 1] ?? '') ? [] : {};
    node = node[part] as Json;
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function mutated(r: Random, n: number): { body: string; contentType: string } {
  if (r.chance(0.03)) {
    // Raw bodies: not JSON, truncated JSON, JSON that is not an object, deep nesting.
    const raw = r.pick(['', 'null', '42', '"message"', '[{"type":"message"}]', '{"type":', '{'.repeat(5000), `${'['.repeat(3000)}${']'.repeat(3000)}`, '\ufeff{}', 'type=message']);
    return { body: raw, contentType: r.pick(['application/json', 'application/json; charset=utf-8', 'text/plain']) };
  }
  const activity = baseActivity(r, n);
  const mutations = r.chance(0.35) ? 0 : 1 + r.int(3);
  for (let i = 0; i < mutations; i++) {
    const path = r.pick(PATHS);
    let value = randomValue(r);
    // Only loopback addresses: a fuzzed but valid serviceUrl must never send a reply off this machine.
    if (path === 'serviceUrl' && typeof value === 'string') value = r.pick(['', 'not a url', 'ftp://127.0.0.1/', 'file:///etc/passwd', 'http://127.0.0.1:9/', connector.serviceUrl]);
    if (path === 'type' && r.chance(0.6)) value = r.pick(TYPES);
    setPath(activity, path, value);
  }
  return { body: JSON.stringify(activity), contentType: 'application/json' };
}

// --- checks ---------------------------------------------------------------------------------

const LIBRARY_TEXT = /\bat [\w.<>]+ \(|node_modules|TypeError|ReferenceError|RangeError|Cannot read|is not a function|undefined is not|RestError|botbuilder|teams-ai|zod|SyntaxError|Unexpected token/;

function cardProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card as Json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  // Injected Markdown must be escaped: no live link or image built from what the user typed.
  const texts = JSON.stringify(card).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
  for (const text of texts) if (/evil\.example|javascript:/.test(text) && /(?<!\\\\)\]\(/.test(text)) problems.push(`unescaped link in ${text.slice(0, 120)}`);
  // No button the user's text created.
  if (/evil\.example/.test(JSON.stringify((card as Json).actions ?? []))) problems.push('a button points at injected URL');
  return problems;
}

const ALLOWED = new Set([200, 400, 401, 404, 413, 415]);

describe('fuzzing POST /api/messages', () => {
  it(`when ${CASES} seeded hostile requests arrive (seed ${SEED}), then every one gets a 2xx or a clear 4xx, cards stay valid and the server keeps serving`, { timeout: 240_000 }, async () => {
    const r = seededRandom(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let cards = 0;
    const cases = Array.from({ length: CASES }, (_, n) => ({ n, ...mutated(r, n) }));
    let next = 0;
    const worker = async () => {
      while (next < cases.length && failures.length < 5) {
        const { n, body, contentType } = cases[next++]!;
        const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const isInvoke = /"type":"invoke"/.test(body);
        // botbuilder answers an invoke nobody handles with 501 and no body (Teams' contract), nothing else may be 5xx.
        if (!ALLOWED.has(response.status) && !(response.status === 501 && isInvoke && text === '')) failures.push(`case ${n}: status ${response.status} ${text.slice(0, 200)} for ${body.slice(0, 300)}`);
        if (response.status >= 400 && response.status !== 501) {
          const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
          if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.length < 10) failures.push(`case ${n}: unclear error body ${text.slice(0, 200)}`);
          if (LIBRARY_TEXT.test(text)) failures.push(`case ${n}: error body carries library text: ${text.slice(0, 300)}`);
        }
        if (response.status === 200 && text) {
          const activities = ((JSON.parse(text) as { activities?: Json[] }).activities ?? []) as Json[];
          for (const activity of activities) {
            for (const attachment of (activity.attachments as Json[] | undefined) ?? []) {
              if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
              cards++;
              const problems = cardProblems(attachment.content);
              if (problems.length) failures.push(`case ${n}: card problems ${problems.join('; ')} for ${body.slice(0, 300)}`);
            }
            if (LIBRARY_TEXT.test(String(activity.text ?? ''))) failures.push(`case ${n}: reply text carries library text`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    expect(failures).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The mix really exercised both sides of the edge.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(CASES / 10);
    expect(cards).toBeGreaterThan(CASES / 20);
    expect(logLines.filter((l) => l.msg === 'unhandled error while serving a request' || l.msg === 'unhandled error in bot turn').map((l) => JSON.stringify(l).slice(0, 400))).toEqual([]);
  });
});

// --- call-record parsing --------------------------------------------------------------------

function mutateRecord(r: Random, record: unknown, depth = 0): unknown {
  if (Array.isArray(record)) {
    const copy = record.map((item) => mutateRecord(r, item, depth + 1));
    if (r.chance(0.05)) copy.push(randomValue(r));
    if (r.chance(0.05)) copy.splice(r.int(copy.length + 1), 1);
    return r.chance(0.02) ? randomValue(r) : copy;
  }
  if (record !== null && typeof record === 'object') {
    const out: Json = {};
    for (const [key, value] of Object.entries(record)) {
      if (r.chance(0.04)) continue;
      out[key] = r.chance(0.04) ? randomValue(r) : mutateRecord(r, value, depth + 1);
    }
    return out;
  }
  if (r.chance(0.05)) return randomValue(r);
  if (typeof record === 'string' && r.chance(0.03)) return r.pick(['', 'not-a-date', '9999-99-99T99:99:99Z', '-1', 'NaN']);
  if (typeof record === 'number' && r.chance(0.03)) return r.pick([-1, 0, Number.NaN, 1e300, -1e300]);
  return record;
}

describe('fuzzing call-record parsing', () => {
  it(`when ${CASES} seeded mutations of Microsoft's documentation record are parsed and diagnosed, then each is a record or a named problem, never an exception`, { timeout: 120_000 }, () => {
    const r = seededRandom(SEED + 1);
    const base = [documentationCall('listed'), documentationCall('none'), ...records] as unknown[];
    const users = ['821809f5-0000-0000-0000-3b5136c0e777', 'f69e2c00-0000-0000-0000-185e5f5f5d8a', ALEX.id, 'nobody'];
    let parsed = 0;
    const failures: string[] = [];
    for (let n = 0; n < CASES; n++) {
      const input = r.chance(0.02) ? randomValue(r) : mutateRecord(r, r.pick(base));
      try {
        const result = parseCallRecord(input);
        if (result.ok) {
          parsed++;
          const diagnosis = diagnoseCall(result.record, r.pick(users));
          if (typeof diagnosis.verdict !== 'string' || typeof diagnosis.summary !== 'string') failures.push(`case ${n}: diagnosis without verdict or summary`);
        } else if (typeof result.problem !== 'string' || result.problem === '') failures.push(`case ${n}: a refusal without a problem`);
      } catch (error) {
        failures.push(`case ${n}: threw ${String(error)}`);
        if (failures.length > 5) break;
      }
    }
    expect(failures).toEqual([]);
    expect(parsed).toBeGreaterThan(CASES / 4);
  });
});
