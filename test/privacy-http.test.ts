// Alert rules and "forget my data" through the real server over HTTP (POST /api/messages with
// expectReplies), the Graph emulator and the SQLite store: what the bot says is what the store holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, buttons, visibleText } from '../bot/testing/cardReading.js';
import { alertRulesFrom } from '../server/store/alertRules.js';
import { startServerAgainst, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;
type Reply = { type: string; text?: string; attachments?: { contentType?: string; content?: unknown }[] };

let emulator: EmulatorHandle;
let sut: ServerUnderTest;

beforeAll(async () => {
  emulator = await startEmulator();
  sut = await startServerAgainst(emulator);
});
afterAll(async () => {
  await sut?.close();
  await emulator?.close();
});

let counter = 0;
function message(userId: string, text: string, extra: Json = {}): Json {
  counter++;
  return {
    type: 'message',
    id: `privacy-${counter}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/',
    timestamp: emulator.now().toISOString(),
    from: { id: `29:${userId}`, name: 'Someone', aadObjectId: userId },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: emulator.tenantId },
    channelData: { tenant: { id: emulator.tenantId } },
    locale: 'en-US',
    localTimezone: 'America/Los_Angeles',
    textFormat: 'plain',
    text,
    ...extra,
  };
}

async function ask(activity: Json): Promise<Reply[]> {
  const response = await fetch(`${sut.running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { activities?: Reply[] };
  return (body.activities ?? []).filter((a) => a.type === 'message');
}

describe('alert rules and forget my data over HTTP', () => {
  it('when the demo user sets quiet hours and a cap, then the worker’s rules port reads them from SQLite in their zone', async () => {
    const userId = emulator.tenant!.demoUserId;
    await ask(message(userId, 'quiet hours 18:00 to 08:00'));
    const [card] = await ask(message(userId, 'at most 2 alerts a day'));
    expect(visibleText(card!)).toContain('18:00 to 08:00 (America/Los_Angeles)');
    const rules = await alertRulesFrom(sut.server.store.bot.alertPreferences).get({ tenantId: emulator.tenantId, userId });
    expect(rules).toEqual({ mode: 'all', quietHours: { start: '18:00', end: '08:00' }, timeZone: 'America/Los_Angeles', dailyCap: 2 });
  });

  it('when the user confirms "forget my data", then the SQLite store holds nothing of theirs and the reply counts what went', async () => {
    const userId = emulator.tenant!.demoUserId;
    const user = { tenantId: emulator.tenantId, userId };
    await ask(message(userId, 'alert me only when a call drops'));
    const [answer] = await ask(message(userId, 'why did my last call drop'));
    const yes = buttons(answer!).find((b) => b.title === 'Yes')!;
    await ask(message(userId, '', { text: undefined, value: yes.data }));
    const indexed = await sut.server.store.graph.index.recent(userId.toLowerCase(), { since: new Date(0) });
    expect(indexed.length).toBeGreaterThan(0);

    const [confirm] = await ask(message(userId, 'forget my data'));
    const [done] = await ask(message(userId, '', { text: undefined, value: button(confirm!, 'Yes, delete my data').data }));

    const text = visibleText(done!);
    expect(text).toContain('Alert settings: 1');
    expect(text).toContain('Chat addresses for alerts: 1');
    expect(text).toContain('Feedback votes: 1');
    expect(text).toContain(`Call history entries (call summaries): ${indexed.length}`);
    expect(await sut.server.store.graph.index.recent(userId.toLowerCase(), { since: new Date(0) })).toEqual([]);
    expect(await sut.server.store.bot.alertPreferences.getSettings(user)).toMatchObject({ quietHours: null, dailyCap: 3 });
    expect(await sut.server.store.bot.conversations.get(user)).toBeUndefined();
    expect(await sut.server.store.bot.feedback.forgetUser(user)).toBe(0);
  });
});
