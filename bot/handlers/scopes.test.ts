import { describe, expect, it } from 'vitest';
import { LENA, RAVI, cardSubmit, teamsMessage } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { button, buttons, cardOf, visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

const alexDropped = testCall({ id: 'alex-dropped', start: '2026-11-28T14:30:00Z', with: [RAVI], quality: 'dropped' });
const lenaPoor = testCall({ id: 'lena-poor', start: '2026-11-28T14:40:00Z', asker: LENA, with: [RAVI], quality: 'packet-loss' });

describe('who is asking, and where', () => {
  it('when a group chat message does not mention the bot, then the bot stays silent', async () => {
    const bot = createTestBot({ records: [alexDropped] });
    expect(await bot.send(teamsMessage('why did my last call drop', { scope: 'groupChat' }))).toEqual([]);
  });

  it('when the bot is mentioned in a group chat, then it answers about the asker’s own call', async () => {
    const bot = createTestBot({ records: [alexDropped, lenaPoor] });
    const [reply] = await bot.send(teamsMessage('why did my last call drop', { scope: 'groupChat', mentionBot: true }));
    expect(visibleText(reply!)).toContain('Call dropped: your call with Ravi Patel');
  });

  it('when Lena asks in a channel, then she hears about her call, never about Alex’s', async () => {
    const bot = createTestBot({ records: [alexDropped, lenaPoor] });
    const [reply] = await bot.send(teamsMessage('what happened to my call', { scope: 'channel', from: LENA, mentionBot: true }));
    expect(visibleText(reply!)).toContain('Poor quality: your call with Ravi Patel');
    expect(visibleText(reply!)).not.toContain('Alex');
  });

  it("when Lena presses 'Other recent calls' on Alex's card in a group chat, then she sees her own calls, never Alex's", async () => {
    const bot = createTestBot({ records: [alexDropped, lenaPoor] });
    const [card] = await bot.send(teamsMessage('why did my last call drop', { scope: 'groupChat', mentionBot: true }));
    const [reply] = await bot.send(cardSubmit(button(card!, 'Other recent calls').data!, { scope: 'groupChat', from: LENA }));
    const listed = buttons(reply!).filter((b) => b.title === 'Diagnose this call').map((b) => b.data?.callId);
    expect(listed).toEqual(['lena-poor']);
  });

  it('when the activity has no Entra object id, then the bot explains it needs a work account', async () => {
    const bot = createTestBot({ records: [alexDropped] });
    const [reply] = await bot.send(teamsMessage('why did my last call drop', { from: null }));
    expect(visibleText(reply!)).toContain('I need your Teams work account');
    expect(bot.calls.fetched).toEqual([]);
  });

  it('when the message is not about calls, then a short help card answers instead of silence', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('what is the weather in Seattle'));
    expect(visibleText(reply!)).toContain('I’m not sure what you mean');
    expect(visibleText(reply!)).toContain('Why did my last call drop?');
  });

  it('when the user says thanks, then a short reply comes back instead of the help card', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('thanks!'));
    expect(reply!.text).toContain('You’re welcome');
    expect(cardOf(reply!)).toBeUndefined();
  });

  it('when a card arrives, then its plain-text fallback carries the same answer and the notification names it', async () => {
    const bot = createTestBot({ records: [alexDropped] });
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    const fallback = String(cardOf(reply!)?.fallbackText);
    expect(fallback).toContain('Call dropped: your call with Ravi Patel');
    expect(fallback).toContain('What to do:');
    expect(reply!.summary).toBe('❌ Call dropped: your call with Ravi Patel');
    // Teams would print activity text above the card, saying everything twice.
    expect(reply!.text).toBeUndefined();
  });
});

describe('failures outside Graph', () => {
  it('when the preference store fails, then the user gets a friendly message and the log names the error only', async () => {
    const bot = createTestBot();
    bot.stores.alertPreferences.update = async () => {
      throw new Error('SQLITE_BUSY: database is locked at /var/data/call-doctor.sqlite');
    };
    const [reply] = await bot.send(teamsMessage('turn alerts off'));
    expect(visibleText(reply!)).toContain('Something went wrong on my side');
    expect(visibleText(reply!)).not.toContain('SQLITE');
    expect(bot.logs.some((entry) => entry.level === 'error')).toBe(true);
  });

  it('when the diagnosis engine throws, then the call is still shown as not analysable', async () => {
    const bot = createTestBot({
      records: [alexDropped],
      diagnose: () => {
        throw new RangeError('bad record');
      },
    });
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    expect(visibleText(reply!)).toContain('Not enough data');
    expect(visibleText(reply!)).toContain('With: Ravi Patel');
  });
});
