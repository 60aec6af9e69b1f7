// Issue #6 integration: real activities posted to POST /api/messages of the composed server,
// answered from the Graph emulator through the real graph module, diagnosis and SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, visibleText } from '../bot/testing/cardReading.js';
import { VERDICTS } from '../bot/cards/wording.js';
import { diagnoseCall, parseCallRecord } from '../diagnosis/index.js';
import { newestCallIn, participantIds, startServerAgainst, startLoopbackConnector, type LoopbackConnector, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;
type Reply = { type: string; text?: string; attachments?: { contentType?: string; content?: unknown }[] };

let emulator: EmulatorHandle;
let sut: ServerUnderTest;
let connector: LoopbackConnector;

beforeAll(async () => {
  emulator = await startEmulator();
  sut = await startServerAgainst(emulator);
  connector = await startLoopbackConnector();
});
afterAll(async () => {
  await sut?.close();
  await connector?.close();
  await emulator?.close();
});

/** The user's newest call in the generated tenant, found without the product's code. */
const newestCallOf = (userId: string): Json => newestCallIn(emulator, userId);

/** Users other than the demo user who took part in calls; each test that needs Graph cold takes its own. */
function otherCallers(): string[] {
  const tenant = emulator.tenant!;
  return tenant.users.map((u) => u.id).filter((id) => id !== tenant.demoUserId && tenant.records.some((r) => participantIds(r).includes(id)));
}

function displayNameOf(userId: string): string {
  return emulator.tenant!.users.find((u) => u.id === userId)!.displayName;
}

let activityCounter = 0;
function message(userId: string, text: string, extra: Json = {}): Json {
  activityCounter++;
  return {
    type: 'message',
    id: `activity-${activityCounter}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: emulator.now().toISOString(),
    from: { id: `29:${userId}`, name: displayNameOf(userId), aadObjectId: userId },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: emulator.tenantId },
    channelData: { tenant: { id: emulator.tenantId } },
    locale: 'en-US',
    textFormat: 'plain',
    text,
    ...extra,
  };
}

async function ask(activity: Json): Promise<{ status: number; replies: Reply[] }> {
  const response = await fetch(`${sut.running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
  });
  const body = (await response.json()) as { activities?: Reply[] };
  return { status: response.status, replies: (body.activities ?? []).filter((a) => a.type === 'message') };
}

describe('POST /api/messages with deliveryMode expectReplies', () => {
  // "Why couldn't they hear me" is a symptom now: it answers the call that showed it (bot/answers/symptoms.test.ts).
  it.each(['why did my last call drop', 'what happened to my call?', 'my call was terrible', 'how was my last call'])(
    'when the demo user asks "%s", then the card diagnoses their newest call with its verdict and the right buttons',
    async (question) => {
      const userId = emulator.tenant!.demoUserId;
      const record = newestCallOf(userId);
      const parsed = parseCallRecord(record);
      if (!parsed.ok) throw new Error(parsed.problem);
      const expected = diagnoseCall(parsed.record, userId);

      const { status, replies } = await ask(message(userId, question));

      expect(status).toBe(200);
      const card = replies.find((r) => r.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'));
      expect(card, `replies: ${JSON.stringify(replies).slice(0, 500)}`).toBeDefined();
      const text = visibleText(card!);
      expect(text).toContain(VERDICTS[expected.verdict].label);
      expect(text).toContain(expected.summary);
      const titles = buttons(card!).map((b) => b.title);
      expect(titles).toEqual(expect.arrayContaining(['Show segments', 'Other recent calls', 'Yes', 'No']));
      // "Show segments" opens this very call in the tab.
      expect(buttons(card!).find((b) => b.title === 'Show segments')!.url).toBe(`${sut.config.publicUrl}/tab/#/calls/${encodeURIComponent(String(record.id))}`);
    },
  );

  it('when the user presses "Was this helpful? Yes", then the vote is stored against the cause the card gave', async () => {
    const userId = emulator.tenant!.demoUserId;
    const { replies } = await ask(message(userId, 'why did my last call drop'));
    const yes = buttons(replies.find((r) => r.attachments?.length)!).find((b) => b.title === 'Yes')!;
    const before = await sut.server.store.bot.feedback.tally(emulator.tenantId);

    const { status } = await ask(message(userId, '', { text: undefined, value: yes.data }));

    expect(status).toBe(200);
    const after = await sut.server.store.bot.feedback.tally(emulator.tenantId);
    const cause = (yes.data?.causeCode as string | null | undefined) ?? null;
    const count = (tally: typeof after) => tally.find((t) => t.causeCode === cause)?.helpful ?? 0;
    expect(count(after)).toBe(count(before) + 1);
  });

  it('when the same question is asked again, then it is answered from the SQLite cache and index without any Graph request', async () => {
    const userId = otherCallers().at(-2)!;
    const first = await ask(message(userId, 'why did my last call drop'));
    emulator.clearRequests();

    const again = await ask(message(userId, 'why did my last call drop'));

    expect(emulator.requests()).toEqual([]);
    expect(again.replies.map((r) => visibleText(r))).toEqual(first.replies.map((r) => visibleText(r)));
  });

  it('when someone with no calls in the last 30 days asks, then the answer says so instead of inventing a call', async () => {
    const stranger = '0badc0de-0000-4000-8000-000000000000';
    const { status, replies } = await ask({ ...message(emulator.tenant!.demoUserId, 'why did my last call drop'), from: { id: `29:${stranger}`, name: 'New Person', aadObjectId: stranger } });
    expect(status).toBe(200);
    const text = replies.map((r) => visibleText(r)).join('\n');
    expect(text).toMatch(/30 days/);
    expect(text).not.toMatch(/Show segments/);
  });

  it('when Graph keeps failing, then the user gets a friendly message and no stack trace, and the server still serves', async () => {
    // Someone whose calls are not cached yet, so the question has to reach Graph.
    const userId = otherCallers().at(-1)!;
    emulator.injectFaults({ status: 503, retryAfterSeconds: 0, count: Infinity, pathIncludes: 'callRecords' });
    try {
      const { status, replies } = await ask(message(userId, 'why did my last call drop'));
      expect(status).toBe(200);
      const text = replies.map((r) => visibleText(r)).join('\n');
      expect(text).toMatch(/unavailable|try again/i);
      expect(text).not.toMatch(/Error:|at .*\.ts:\d+/);
    } finally {
      emulator.clearFaults();
    }
    expect((await fetch(`${sut.running.url}/healthz`)).status).toBe(200);
  });
});

describe('install and scopes', () => {
  it('when the app is installed in a personal chat, then the bot greets and the SQLite store keeps the conversation for alerts', async () => {
    const userId = emulator.tenant!.users.at(-1)!.id;
    const install = { ...message(userId, ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:call-doctor', name: 'Call Doctor' }] };

    const { status, replies } = await ask(install);

    expect(status).toBe(200);
    expect(replies.map((r) => visibleText(r)).join('\n')).toMatch(/why did my last call drop/i);
    const stored = await sut.server.store.bot.conversations.get({ tenantId: emulator.tenantId, userId });
    expect(stored?.conversation?.id).toBe(`a:personal-${userId}`);
    expect(stored?.serviceUrl).toBe(connector.serviceUrl);
  });

  it('when a group chat message mentions the bot, then it answers; without a mention it stays quiet', async () => {
    const userId = emulator.tenant!.demoUserId;
    const groupChat = (text: string, mention: boolean): Json => ({
      ...message(userId, mention ? `<at>Call Doctor</at> ${text}` : text),
      conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: emulator.tenantId },
      ...(mention ? { entities: [{ type: 'mention', text: '<at>Call Doctor</at>', mentioned: { id: '28:call-doctor', name: 'Call Doctor' } }] } : {}),
    });

    const quiet = await ask(groupChat('why did my last call drop', false));
    const answered = await ask(groupChat('why did my last call drop', true));

    expect(quiet.replies).toEqual([]);
    expect(answered.replies.some((r) => (r.attachments ?? []).length > 0)).toBe(true);
  });
});

describe('POST /api/messages with normal delivery (loopback connector)', () => {
  it('when the user asks for their calls, then the reply is posted to the connector as a card answering that conversation', async () => {
    const userId = emulator.tenant!.demoUserId;
    const before = connector.received.length;
    const activity = message(userId, 'show my last 5 calls');
    const response = await fetch(`${sut.running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);

    const received = (await connector.waitFor(before + 1)).slice(before);
    const reply = received.map((r) => r.activity).find((a) => Array.isArray(a.attachments))!;
    expect(received[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(`a:personal-${userId}`)}/activities/${String(activity.id)}`);
    expect(reply.replyToId).toBe(activity.id);
    const card = reply as unknown as Reply;
    const rows = buttons(card).filter((b) => b.title === 'Diagnose this call');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(5);
    // The newest call comes first.
    expect(rows[0]!.data?.callId).toBe(newestCallOf(userId).id);
  });
});

describe('privacy of the whole exchange', () => {
  it('when questions were answered from real-shaped records, then no IP address from those records reached the log', () => {
    const ips = new Set<string>();
    const collect = (value: unknown, key = ''): void => {
      if (typeof value === 'string' && /ipaddress$/i.test(key)) ips.add(value);
      else if (Array.isArray(value)) value.forEach((v) => collect(v));
      else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => collect(v, k));
    };
    emulator.tenant!.records.forEach((r) => collect(r));
    expect(ips.size).toBeGreaterThan(0);
    const log = sut.logText();
    expect(log.length).toBeGreaterThan(0);
    for (const ip of ips) expect(log).not.toContain(ip);
  });
});

describe('channel authentication', () => {
  it('when BOT_ID is set and a request has no Bot Connector token, then it gets 401, no reply is sent and nothing is stored', async () => {
    const secured = await startServerAgainst(emulator, { BOT_ID: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', BOT_PASSWORD: 'not-a-real-secret', BOT_TYPE: 'SingleTenant' });
    try {
      const userId = emulator.tenant!.demoUserId;
      const before = connector.received.length;
      const response = await fetch(`${secured.running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(userId, 'why did my last call drop')),
      });
      expect(response.status).toBe(401);
      // The adapter answers only after the whole turn has run (longRunningMessages is off), so once
      // the 401 is here any reply would already be at the connector, and any personal message
      // would already have stored its conversation reference: no waiting needed.
      expect(connector.received.length).toBe(before);
      expect(await secured.server.store.bot.conversations.get({ tenantId: emulator.tenantId, userId })).toBeUndefined();
    } finally {
      await secured.close();
    }
  });
});
