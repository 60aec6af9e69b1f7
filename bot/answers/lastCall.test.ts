import { describe, expect, it } from 'vitest';
import { GraphPermissionError, GraphThrottledError, GraphUnavailableError } from '../../graph/errors.js';
import { LENA, MEGAN, RAVI, teamsMessage } from '../testing/activities.js';
import { summaryOf, testCall } from '../testing/callRecords.js';
import { button, buttons, cardOf, visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

const droppedWithRavi = testCall({ id: 'call-dropped', start: '2026-11-28T14:00:00Z', minutes: 12, with: [RAVI], quality: 'dropped' });
const goodWithLena = testCall({ id: 'call-good', start: '2026-11-27T09:00:00Z', minutes: 30, with: [LENA] });

describe('last call', () => {
  it.each([
    'why did my last call drop',
    'Why did my last call drop?',
    'what happened to my call',
    'my call was terrible',
    'my last meeting was choppy',
    'the call dropped',
    'what went wrong',
    'how was my last call',
    'my previous call sounded awful',
    // "Why couldn't they hear me" and robotic audio are symptoms the dropped call does not show: symptoms.test.ts covers those.
  ])('when asked "%s", then the newest call is diagnosed on a card', async (question) => {
    const bot = createTestBot({ records: [goodWithLena, droppedWithRavi] });
    const [reply, ...more] = await bot.send(teamsMessage(question));
    expect(more).toEqual([]);
    const text = visibleText(reply!);
    expect(text).toContain('Call dropped');
    expect(text).toContain('Ravi Patel');
    expect(text).toContain('Call ended unexpectedly');
  });

  it('when the last call dropped, then the card says when, with whom, how long, which media, the cause, its side and what to do', async () => {
    const bot = createTestBot({ records: [droppedWithRavi] });
    const [reply] = await bot.send(teamsMessage('why did my last call drop', { timeZone: 'Europe/Berlin' }));
    const text = visibleText(reply!);
    expect(text).toContain('When: Today, 3:00 PM (GMT+1)');
    expect(text).toContain('With: Ravi Patel');
    expect(text).toContain('Duration: 12 min');
    expect(text).toContain('Media: audio');
    expect(text).toContain("❌ Call dropped: your call with Ravi Patel");
    expect(text).toContain("Most likely cause: Call ended unexpectedly (inside Microsoft's network)");
    expect(text).toContain('What to do: Rejoin');
    expect(reply!.summary).toBe('❌ Call dropped: your call with Ravi Patel');
    expect(cardOf(reply!)?.version).toBe('1.5');
  });

  it('when the card is shown, then it offers segments, other calls and yes/no feedback', async () => {
    const bot = createTestBot({ records: [droppedWithRavi] });
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    expect(button(reply!, 'Show segments')).toMatchObject({ type: 'Action.OpenUrl', url: expect.stringContaining(encodeURIComponent('"subEntityId":"call-dropped"')) });
    expect(button(reply!, 'Other recent calls').data).toMatchObject({ verb: 'showRecentCalls' });
    expect(button(reply!, 'Yes').data).toMatchObject({ verb: 'feedback', helpful: true, callId: 'call-dropped' });
    expect(button(reply!, 'No').data).toMatchObject({ verb: 'feedback', helpful: false, callId: 'call-dropped' });
  });

  it('when no time zone is known, then times are shown in UTC', async () => {
    const bot = createTestBot({ records: [droppedWithRavi] });
    const [reply] = await bot.send(teamsMessage('what happened to my call'));
    expect(visibleText(reply!)).toContain('When: Today, 2:00 PM (UTC)');
  });

  it('when the index lists a call whose record does not include the asker, then that call is never shown', async () => {
    const notAlexs = testCall({ id: 'not-alexs', start: '2026-11-28T14:30:00Z', asker: MEGAN, with: [RAVI], quality: 'packet-loss' });
    const bot = createTestBot({ records: [droppedWithRavi, notAlexs] });
    const indexed = bot.calls.recentCalls.bind(bot.calls);
    // A stale or wrong index entry: graph/'s per-user index is a hint, the record is the proof.
    bot.calls.recentCalls = async (userId, query) => [summaryOf(notAlexs), ...(await indexed(userId, query))];
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    expect(visibleText(reply!)).toContain('Call dropped: your call with Ravi Patel');
    expect(visibleText(reply!)).not.toContain('Megan');
  });

  it('when the user had no calls in 30 days, then the bot says so and offers to wait for a record', async () => {
    const bot = createTestBot({ records: [testCall({ id: 'old', start: '2026-10-20T10:00:00Z', with: [RAVI] })] });
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    expect(visibleText(reply!)).toContain('No calls in the last 30 days');
    expect(buttons(reply!).map((b) => b.title)).toContain("Tell me when it's ready");
  });

  it('when the user says the call just ended and the newest record is older, then the bot explains records take time', async () => {
    const bot = createTestBot({ records: [goodWithLena] });
    const [reply] = await bot.send(teamsMessage('my call just dropped, why?'));
    expect(visibleText(reply!)).toContain('That call has no record yet');
    expect(visibleText(reply!)).toContain('within 30 minutes');
  });

  it('when the newest record ended a while ago, then the answer mentions that a newer call may not have a record yet', async () => {
    const bot = createTestBot({ records: [goodWithLena] });
    const [reply] = await bot.send(teamsMessage('how was my last call'));
    expect(visibleText(reply!)).toContain('may not have its record yet');
  });

  it('when the record has no quality data, then the verdict says so honestly', async () => {
    const bot = createTestBot({ records: [testCall({ id: 'no-data', start: '2026-11-28T14:40:00Z', with: [RAVI], quality: 'no-data' })] });
    const [reply] = await bot.send(teamsMessage('my call was terrible'));
    expect(visibleText(reply!)).toContain('Not enough data');
    expect(visibleText(reply!)).toContain('No quality data in the record');
  });

  it.each([
    [new GraphThrottledError(30, 'r1'), 'Microsoft Graph is busy'],
    [new GraphUnavailableError('503 from Graph', 503, 'r2'), 'Call records are unavailable'],
    [new GraphPermissionError('Forbidden', 403, 'Authorization_RequestDenied', 'r3'), 'CallRecords.Read.All'],
    [new TypeError('cannot read properties of undefined'), 'Something went wrong'],
  ])('when Graph fails with %s, then the user gets a friendly message without internals', async (error, expected) => {
    const bot = createTestBot({ records: [droppedWithRavi] });
    bot.calls.failWith(error);
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    const text = visibleText(reply!);
    expect(text).toContain(expected);
    expect(text).not.toMatch(/at .*\.ts:\d+|TypeError|undefined/);
  });
});
