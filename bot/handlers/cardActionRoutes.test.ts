import { describe, expect, it } from 'vitest';
import { ALEX, LENA, MEGAN, RAVI, TEST_TENANT_ID, cardSubmit, teamsMessage } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { button, visibleText } from '../testing/cardReading.js';
import { TEST_NOW, createTestBot } from '../testing/testBot.js';

const poorWithRavi = testCall({ id: 'ravi-poor', start: '2026-11-28T14:30:00Z', with: [RAVI], quality: 'packet-loss' });

describe('card buttons', () => {
  it('when "Yes" is pressed on a diagnosis, then the feedback is stored with the cause and the user is thanked', async () => {
    const bot = createTestBot({ records: [poorWithRavi] });
    const [card] = await bot.send(teamsMessage('why did my last call drop'));
    const [thanks] = await bot.send(cardSubmit(button(card!, 'Yes').data!));
    expect(thanks!.text).toContain('Thanks');
    expect(bot.stores.feedbackEntries).toEqual([
      { user: { tenantId: TEST_TENANT_ID, userId: ALEX.id }, callId: 'ravi-poor', helpful: true, causeCode: 'packet-loss', at: TEST_NOW },
    ]);
  });

  it('when "No" is pressed, then unhelpful feedback is stored', async () => {
    const bot = createTestBot({ records: [poorWithRavi] });
    const [card] = await bot.send(teamsMessage('why did my last call drop'));
    await bot.send(cardSubmit(button(card!, 'No').data!));
    expect(bot.stores.feedbackEntries.map((e) => e.helpful)).toEqual([false]);
  });

  it('when someone else presses the feedback button in a group chat, then nothing is stored for them', async () => {
    const bot = createTestBot({ records: [poorWithRavi] });
    const [card] = await bot.send(teamsMessage('why did my last call drop', { scope: 'groupChat', mentionBot: true }));
    const [reply] = await bot.send(cardSubmit(button(card!, 'Yes').data!, { scope: 'groupChat', from: LENA }));
    expect(reply!.text).toContain('Only the person who asked');
    expect(bot.stores.feedbackEntries).toEqual([]);
  });

  it('when feedback data is malformed, then the user is told instead of an error', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(cardSubmit({ verb: 'feedback', helpful: 'maybe' }));
    expect(reply!.text).toContain('could not read that answer');
    expect(bot.stores.feedbackEntries).toEqual([]);
  });

  it('when "Tell me when it\'s ready" is pressed, then a pending diagnosis is stored until the records deadline', async () => {
    const bot = createTestBot();
    const [notice] = await bot.send(teamsMessage('why did my last call drop'));
    const [reply] = await bot.send(cardSubmit(button(notice!, "Tell me when it's ready").data!));
    expect(visibleText(reply!)).toContain('as soon as the call record arrives');
    expect(bot.stores.pendingRequests).toEqual([
      { user: { tenantId: TEST_TENANT_ID, userId: ALEX.id }, requestedAt: TEST_NOW, expiresAt: new Date(TEST_NOW.getTime() + 150 * 60_000) },
    ]);
  });

  it("when a diagnose button names someone else's call, then it is refused without saying whether the call exists", async () => {
    const megans = testCall({ id: 'megans', start: '2026-11-28T14:00:00Z', asker: MEGAN, with: [RAVI] });
    const bot = createTestBot({ records: [megans] });
    const [reply] = await bot.send(cardSubmit({ verb: 'diagnoseCall', callId: 'megans' }));
    const [unknown] = await bot.send(cardSubmit({ verb: 'diagnoseCall', callId: 'no-such-call' }));
    expect(visibleText(reply!)).toContain('I can’t show that call');
    expect(visibleText(unknown!)).toBe(visibleText(reply!));
  });

  it('when a submit has an unknown verb, then the help card answers', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(cardSubmit({ verb: 'somethingElse' }));
    expect(visibleText(reply!)).toContain('Try asking');
  });
});
