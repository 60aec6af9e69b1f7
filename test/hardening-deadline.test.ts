// Issue 16, turn deadline: with Graph slowed by the emulator's latency fault, a cold question cannot
// be answered inside the turn deadline. The HTTP answer still comes promptly with a still-working
// notice, and the real answer follows through the Bot Connector once it is ready. Times are not
// asserted: the deadline is short and the latency long, and the test waits for the follow-up event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../bot/testing/cardReading.js';
import { participantIds, startLoopbackConnector, startServerAgainst, type LoopbackConnector, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;

let emulator: EmulatorHandle;
let sut: ServerUnderTest;
let connector: LoopbackConnector;

beforeAll(async () => {
  emulator = await startEmulator();
  sut = await startServerAgainst(emulator, { BOT_TURN_DEADLINE_MS: '300' });
  connector = await startLoopbackConnector();
});
afterAll(async () => {
  emulator?.clearFaults();
  await sut?.close();
  await connector?.close();
  await emulator?.close();
});

function question(userId: string, text: string): Json {
  return {
    type: 'message',
    id: `deadline-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: `29:${userId}`, name: 'Caller', aadObjectId: userId },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: emulator.tenantId },
    channelData: { tenant: { id: emulator.tenantId } },
    locale: 'en-US',
    text,
    deliveryMode: 'expectReplies',
  };
}

async function ask(activity: Json): Promise<{ status: number; texts: string[] }> {
  const response = await fetch(`${sut.running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = (await response.json()) as { activities?: Json[] };
  return { status: response.status, texts: (body.activities ?? []).filter((a) => a.type === 'message').map((a) => visibleText(a)) };
}

describe('turn deadline under Graph latency', () => {
  it('when Graph is slow, then the turn answers with a still-working notice and the full answer follows as a message', { timeout: 90_000 }, async () => {
    const tenant = emulator.tenant!;
    // A user with many calls whose records nothing has fetched yet.
    const userId = tenant.users
      .map((u) => u.id)
      .filter((id) => id !== tenant.demoUserId)
      .sort((a, b) => tenant.records.filter((r) => participantIds(r).includes(b)).length - tenant.records.filter((r) => participantIds(r).includes(a)).length)[0]!;
    emulator.injectFaults({ latencyMs: 250, count: Infinity, pathIncludes: 'callRecords' });
    const before = connector.received.length;

    const first = await ask(question(userId, 'show my calls this week'));

    expect(first.status).toBe(200);
    expect(first.texts).toHaveLength(1);
    expect(first.texts[0]).toMatch(/Still reading your call records/);
    const [followUp] = (await connector.waitFor(before + 1, 60_000)).slice(before);
    emulator.clearFaults();
    expect(followUp!.path).toContain(encodeURIComponent(`a:personal-${userId}`));
    const followed = visibleText(followUp!.activity);
    expect(followed).not.toMatch(/Still reading/);

    // Asked again with Graph fast and the records cached, the answer comes in the turn itself and is the one that followed.
    const again = await ask(question(userId, 'show my calls this week'));
    expect(again.texts).toEqual([followed]);
    expect(sut.logText()).toContain('bot answer past the turn deadline');
  });
});
