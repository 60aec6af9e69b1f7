import { describe, expect, it } from 'vitest';
import { MemoryCallIndex } from '../../graph/stores/memoryCallIndex.js';
import { aCallSummary } from '../../graph/testing/index.js';
import { ALEX, LENA, TEST_TENANT_ID, cardSubmit, teamsMessage } from '../testing/activities.js';
import { button, buttons, visibleText } from '../testing/cardReading.js';
import { createTestBot, type TestBot } from '../testing/testBot.js';
import type { ForgettableData } from '../ports.js';
import { matchIntent } from '../intents/router.js';

const alex = { tenantId: TEST_TENANT_ID, userId: ALEX.id };
const lena = { tenantId: TEST_TENANT_ID, userId: LENA.id };

async function seed(bot: TestBot, user: typeof alex): Promise<void> {
  await bot.stores.alertPreferences.update(user, { mode: 'drops', dailyCap: 2 });
  await bot.stores.conversations.save(user, { conversation: { id: `a:${user.userId}`, conversationType: 'personal', isGroup: false, name: '' } });
  await bot.stores.feedback.record({ user, callId: 'c1', helpful: true, causeCode: null, at: new Date() });
  await bot.stores.feedback.record({ user, callId: 'c2', helpful: false, causeCode: 'vpn', at: new Date() });
  await bot.stores.pending.add({ user, requestedAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) });
}

function botWithIndex(extra: ForgettableData[] = []): { bot: TestBot; index: MemoryCallIndex } {
  const index = new MemoryCallIndex();
  const bot = createTestBot({
    overrides: { otherUserData: [{ what: 'call history entries', store: { forgetUser: (user) => index.removeUser(user.userId.toLowerCase()) } }, ...extra] },
  });
  return { bot, index };
}

describe('forget my data', () => {
  it('when the user asks, then a confirmation card comes first and nothing is deleted yet', async () => {
    const { bot } = botWithIndex();
    await seed(bot, alex);
    const [card] = await bot.send(teamsMessage('forget my data'));
    expect(visibleText(card!)).toContain('Forget your data?');
    expect(buttons(card!).map((b) => b.title)).toEqual(['Yes, delete my data', 'Keep my data']);
    expect(await bot.stores.alertPreferences.get(alex)).toBe('drops');
    expect(bot.stores.feedbackEntries).toHaveLength(2);
  });

  it('when the user confirms, then everything about them is deleted and the reply counts it per kind; others keep theirs', async () => {
    const { bot, index } = botWithIndex();
    await seed(bot, alex);
    await seed(bot, lena);
    await index.upsert(ALEX.id, [aCallSummary({ id: 'call-a' }), aCallSummary({ id: 'call-b' }), aCallSummary({ id: 'call-c' })]);
    await index.upsert(LENA.id, [aCallSummary({ id: 'call-a' })]);

    const [card] = await bot.send(teamsMessage('delete everything you know about me'));
    const [done] = await bot.send(cardSubmit(button(card!, 'Yes, delete my data').data!));

    const text = visibleText(done!);
    // Alert settings 1, chat address 1 (stored again by this very turn, then deleted), feedback 2, watched calls 1, index 3.
    expect(text).toContain('Deleted 8 items I stored about you');
    expect(text).toContain('Alert settings: 1');
    expect(text).toContain('Chat addresses for alerts: 1');
    expect(text).toContain('Feedback votes: 2');
    expect(text).toContain('Calls you asked me to watch: 1');
    expect(text).toContain('Call history entries: 3');
    expect(await bot.stores.alertPreferences.get(alex)).toBe('all');
    expect(await bot.stores.conversations.get(alex)).toBeUndefined();
    expect(bot.stores.feedbackEntries.filter((e) => e.user.userId === ALEX.id)).toEqual([]);
    expect(await index.recent(ALEX.id.toLowerCase(), { since: new Date(0) })).toEqual([]);
    // Lena's data is untouched.
    expect(await bot.stores.alertPreferences.get(lena)).toBe('drops');
    expect(bot.stores.feedbackEntries.filter((e) => e.user.userId === LENA.id)).toHaveLength(2);
    expect(await index.recent(LENA.id, { since: new Date(0) })).toHaveLength(1);
  });

  it('when the user keeps their data, then nothing is deleted', async () => {
    const { bot } = botWithIndex();
    await seed(bot, alex);
    const [card] = await bot.send(teamsMessage('forget me'));
    const [reply] = await bot.send(cardSubmit(button(card!, 'Keep my data').data!));
    expect(reply!.text).toBe('Nothing was deleted.');
    expect(await bot.stores.alertPreferences.get(alex)).toBe('drops');
  });

  it("when someone else presses the button on Alex's card in a group chat, then nothing of anyone's is deleted", async () => {
    const { bot } = botWithIndex();
    await seed(bot, alex);
    await seed(bot, lena);
    const [card] = await bot.send(teamsMessage('forget my data', { scope: 'groupChat', mentionBot: true }));
    const [reply] = await bot.send(cardSubmit(button(card!, 'Yes, delete my data').data!, { scope: 'groupChat', from: LENA }));
    expect(reply!.text).toContain('belongs to someone else');
    expect(await bot.stores.alertPreferences.get(alex)).toBe('drops');
    expect(await bot.stores.alertPreferences.get(lena)).toBe('drops');
  });

  it('when one store cannot be reached, then the others are still cleared and the reply says what is left', async () => {
    const broken: ForgettableData = { what: 'alerts sent', store: { forgetUser: async () => Promise.reject(new Error('storage down')) } };
    const { bot } = botWithIndex([broken]);
    await seed(bot, alex);
    const [card] = await bot.send(teamsMessage('forget my data'));
    const [done] = await bot.send(cardSubmit(button(card!, 'Yes, delete my data').data!));
    expect(visibleText(done!)).toContain('I could not delete your alerts sent just now');
    expect(await bot.stores.alertPreferences.get(alex)).toBe('all');
  });

  it.each(['forget my data', 'delete my data', 'erase all my information', 'delete everything you know about me', 'remove my personal data', 'forget me'])('"%s" asks to forget', (text) => {
    expect(matchIntent(text)?.name).toBe('forgetMe');
  });

  it.each(['forget my last call', 'why did my last call drop'])('"%s" is not a deletion request', (text) => {
    expect(matchIntent(text)?.name).not.toBe('forgetMe');
  });
});
