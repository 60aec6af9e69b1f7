import { describe, expect, it } from 'vitest';
import { LENA, MEGAN, RAVI, teamsMessage } from '../testing/activities.js';
import { testCall, testPeople } from '../testing/callRecords.js';
import { buttons, visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

// TEST_NOW is Saturday 2026-11-28 15:00 UTC (07:00 in Seattle).
const lenaToday = testCall({ id: 'lena-today', start: '2026-11-28T13:00:00Z', with: [LENA] });
const raviPoor = testCall({ id: 'ravi-poor', start: '2026-11-26T10:00:00Z', minutes: 25, with: [RAVI], quality: 'packet-loss' });
const lenaYesterdayDropped = testCall({ id: 'lena-yesterday', start: '2026-11-27T11:00:00Z', with: [LENA], quality: 'dropped' });

describe('a particular call', () => {
  it('when asked about the call with Ravi, then the newest call with Ravi is diagnosed, not the newest call', async () => {
    const bot = createTestBot({ records: [lenaToday, raviPoor] });
    const [reply] = await bot.send(teamsMessage('how was my call with Ravi'));
    const text = visibleText(reply!);
    expect(text).toContain('Poor quality: your call with Ravi Patel');
    expect(text).toContain('Lost network packets');
  });

  it('when the index does not know participants yet, then records are fetched to find the person', async () => {
    const bot = createTestBot({ records: [lenaToday, raviPoor], coldIndex: true });
    const [reply] = await bot.send(teamsMessage('how was my call with ravi?'));
    expect(visibleText(reply!)).toContain('your call with Ravi Patel');
  });

  it('when Ravi was in a big meeting beyond the people its index row keeps, then that meeting is still found', async () => {
    // The row keeps 20 of the 61 others; Ravi joined last, so only the full record knows him.
    const townHall = testCall({ id: 'town-hall', start: '2026-11-27T16:00:00Z', minutes: 60, with: [...testPeople(60), RAVI], quality: 'packet-loss' });
    const bot = createTestBot({ records: [lenaToday, townHall] });
    const [reply] = await bot.send(teamsMessage('how was my call with Ravi'));
    expect(visibleText(reply!)).toContain('Lost network packets');
  });

  it("when asked about yesterday's call with Lena, then today's call with Lena is not picked", async () => {
    const bot = createTestBot({ records: [lenaToday, lenaYesterdayDropped, raviPoor] });
    const [reply] = await bot.send(teamsMessage("yesterday's call with Lena"));
    expect(visibleText(reply!)).toContain('Call dropped: your call with Lena Fischer');
  });

  it("when asked about 'my 2pm meeting' early in the day, then yesterday's 2 pm meeting in the user's time zone is found", async () => {
    // 2 pm in Seattle yesterday is 22:00 UTC; the 06:00 Seattle meeting must not be chosen.
    const twoPm = testCall({ id: 'two-pm', start: '2026-11-27T22:03:00Z', minutes: 45, with: [RAVI, LENA], quality: 'packet-loss' });
    const early = testCall({ id: 'early', start: '2026-11-27T14:00:00Z', with: [RAVI, MEGAN] });
    const bot = createTestBot({ records: [early, twoPm] });
    const [reply] = await bot.send(teamsMessage('my 2pm meeting', { timeZone: 'America/Los_Angeles' }));
    const text = visibleText(reply!);
    expect(text).toContain('your meeting with Ravi Patel, Lena Fischer');
    expect(text).toContain('When: Yesterday, 2:03 PM (PST)');
  });

  it('when no call with that person exists, then the bot says so instead of showing another call', async () => {
    const bot = createTestBot({ records: [lenaToday, raviPoor] });
    const [reply] = await bot.send(teamsMessage('how was my call with Zoe'));
    expect(visibleText(reply!)).toContain('No call with Zoe in the last 30 days');
  });

  it('when the only call with Ravi is one the asker was not on, then it is not shown', async () => {
    const someoneElses = testCall({ id: 'megan-ravi', start: '2026-11-28T12:00:00Z', asker: MEGAN, with: [RAVI] });
    const bot = createTestBot({ records: [someoneElses, lenaToday] });
    const [reply] = await bot.send(teamsMessage('how was my call with Ravi'));
    expect(visibleText(reply!)).toContain('No call with Ravi in the last 30 days');
  });
});

describe('the Graph work one question may cost', () => {
  it('when nobody by that name is found among many calls, then at most 25 records are fetched and the bot says it checked only those', async () => {
    const many = Array.from({ length: 60 }, (_, i) => testCall({ id: `c${i}`, start: new Date(Date.UTC(2026, 10, 28, 14) - i * 3_600_000).toISOString(), with: [RAVI] }));
    const bot = createTestBot({ records: many, coldIndex: true });
    const [reply] = await bot.send(teamsMessage('how was my call with Zoe'));
    const text = visibleText(reply!);
    expect(text).toContain('I checked your 25 most recent calls in the last 30 days; none was with Zoe.');
    expect(text).not.toContain('I found no call');
    expect(buttons(reply!).map((b) => b.title)).toContain('Open in the Call Doctor tab');
    expect(bot.calls.fetched.length).toBeLessThanOrEqual(25);
  });

  it('when there are exactly as many calls as the limit, then "no call with Zoe" is said plainly', async () => {
    const few = Array.from({ length: 25 }, (_, i) => testCall({ id: `c${i}`, start: new Date(Date.UTC(2026, 10, 28, 14) - i * 3_600_000).toISOString(), with: [RAVI] }));
    const bot = createTestBot({ records: few, coldIndex: true });
    const [reply] = await bot.send(teamsMessage('how was my call with Zoe'));
    expect(visibleText(reply!)).toContain('I found no call or meeting of yours with Zoe in the last 30 days.');
  });
});

describe("a person's call", () => {
  it("when asked for Ravi's last call, then the asker's last call with Ravi is shown, not their newest call with someone else", async () => {
    const meganNewest = testCall({ id: 'megan-newest', start: '2026-11-28T14:00:00Z', with: [MEGAN] });
    const bot = createTestBot({ records: [meganNewest, raviPoor] });
    const [reply] = await bot.send(teamsMessage("show me Ravi's last call"));
    const text = visibleText(reply!);
    expect(text).toContain('Poor quality: your call with Ravi Patel');
    expect(text).not.toContain('Megan');
  });

  it("when the asker had no call with that person, then the bot says so rather than showing another call", async () => {
    const bot = createTestBot({ records: [lenaToday] });
    const [reply] = await bot.send(teamsMessage("show me Ravi's last call"));
    expect(visibleText(reply!)).toContain('No call with Ravi in the last 30 days');
  });
});
