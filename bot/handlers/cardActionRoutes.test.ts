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

  it.each<[string, (data: Record<string, unknown>) => Record<string, unknown>, RegExp]>([
    ['without askedBy', ({ askedBy: _dropped, ...rest }) => rest, /Only the person who asked/],
    ['with askedBy of another type', (data) => ({ ...data, askedBy: [ALEX.id] }), /Only the person who asked/],
    ['for a call the rater did not take part in', (data) => ({ ...data, callId: 'megans' }), /Only the person who asked/],
    ['for a call that does not exist', (data) => ({ ...data, callId: 'no-such-call' }), /Only the person who asked/],
    ['with a cause the diagnosis of that call does not give', (data) => ({ ...data, causeCode: 'dropped-unexpectedly' }), /could not read that answer/],
    ['with a cause of another type', (data) => ({ ...data, causeCode: { code: 'packet-loss' } }), /could not read that answer/],
  ])('when feedback is forged %s, then nothing is stored', async (_case, forge, answer) => {
    const megans = testCall({ id: 'megans', start: '2026-11-28T14:00:00Z', asker: MEGAN, with: [RAVI], quality: 'dropped' });
    const bot = createTestBot({ records: [poorWithRavi, megans] });
    const [card] = await bot.send(teamsMessage('why did my last call drop'));
    const [reply] = await bot.send(cardSubmit(forge(button(card!, 'Yes').data!)));
    expect(reply!.text).toMatch(answer);
    expect(bot.stores.feedbackEntries).toEqual([]);
  });

  it('when the card named no cause (a good call), then a vote with no cause is stored', async () => {
    const good = testCall({ id: 'good-call', start: '2026-11-28T14:50:00Z', with: [RAVI] });
    const bot = createTestBot({ records: [good] });
    const [card] = await bot.send(teamsMessage('how was my last call'));
    await bot.send(cardSubmit(button(card!, 'Yes').data!));
    expect(bot.stores.feedbackEntries.map((e) => [e.callId, e.causeCode])).toEqual([['good-call', null]]);
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
