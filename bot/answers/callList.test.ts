import { describe, expect, it } from 'vitest';
import { LENA, MEGAN, RAVI, cardSubmit, teamsMessage } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { buttons, visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

// TEST_NOW is Saturday 2026-11-28 15:00 UTC; the week started Monday 2026-11-23.
const mondayPoor = testCall({ id: 'mon-poor', start: '2026-11-23T09:00:00Z', with: [RAVI], quality: 'packet-loss' });
const wednesdayGood = testCall({ id: 'wed-good', start: '2026-11-25T09:00:00Z', with: [LENA] });
const fridayDropped = testCall({ id: 'fri-dropped', start: '2026-11-27T16:00:00Z', with: [MEGAN], quality: 'dropped' });
const lastSundayDropped = testCall({ id: 'sun-dropped', start: '2026-11-22T09:00:00Z', with: [RAVI], quality: 'dropped' });
const todayGood = testCall({ id: 'today-good', start: '2026-11-28T08:00:00Z', with: [LENA] });
const todayPoor = testCall({ id: 'today-poor', start: '2026-11-28T12:00:00Z', with: [RAVI], quality: 'packet-loss' });

describe('lists of calls', () => {
  it("when asked for today's calls, then only today's calls are listed, newest first, with their verdicts", async () => {
    const bot = createTestBot({ records: [fridayDropped, todayGood, todayPoor] });
    const [reply] = await bot.send(teamsMessage('my calls today'));
    const lines = visibleText(reply!).split('\n');
    expect(lines[0]).toBe('Your calls today');
    expect(lines.slice(1, 3)).toEqual([
      '⚠️ Today, 12:00 PM: call with Ravi Patel, 10 min (poor quality)',
      '✅ Today, 8:00 AM: call with Lena Fischer, 10 min (good call)',
    ]);
    expect(visibleText(reply!)).not.toContain('Megan');
  });

  it('when asked for poor calls this week, then good calls and last week are left out', async () => {
    const bot = createTestBot({ records: [mondayPoor, wednesdayGood, fridayDropped, lastSundayDropped] });
    const [reply] = await bot.send(teamsMessage('poor calls this week'));
    const text = visibleText(reply!);
    expect(text).toContain('Poor or dropped calls this week');
    expect(text).toContain('Megan Bowen');
    expect(text).toContain('Mon, Nov 23');
    expect(text).not.toContain('Lena');
    expect(text).not.toContain('Nov 22');
  });

  it('when asked for the last 5 calls, then exactly five are listed', async () => {
    const records = Array.from({ length: 7 }, (_, i) => testCall({ id: `c${i}`, start: `2026-11-2${i}T10:00:00Z`, with: [RAVI] }));
    const bot = createTestBot({ records });
    const [reply] = await bot.send(teamsMessage('show my last 5 calls'));
    expect(visibleText(reply!).split('\n')[0]).toBe('Your last 5 calls');
    expect(buttons(reply!).filter((b) => b.title === 'Diagnose this call')).toHaveLength(5);
  });

  it('when there are more calls than fit on a card, then the card points at the tab for the rest', async () => {
    const records = Array.from({ length: 12 }, (_, i) => testCall({ id: `c${i}`, start: new Date(Date.UTC(2026, 10, 28, 14) - i * 3_600_000).toISOString(), with: [RAVI] }));
    const bot = createTestBot({ records });
    const [reply] = await bot.send(teamsMessage('my calls today'));
    expect(buttons(reply!).filter((b) => b.title === 'Diagnose this call')).toHaveLength(10);
    expect(visibleText(reply!)).toContain('Showing the 10 most recent. The Call Doctor tab lists them all.');
    expect(buttons(reply!).map((b) => b.title)).toContain('Open in the Call Doctor tab');
  });

  it('when asked for calls with one person, then only calls with them are listed', async () => {
    const bot = createTestBot({ records: [mondayPoor, wednesdayGood, fridayDropped, todayGood, todayPoor], coldIndex: true });
    const [reply] = await bot.send(teamsMessage('my calls with Ravi this week'));
    const text = visibleText(reply!);
    expect(text.split('\n')[0]).toBe('Your calls with Ravi this week');
    expect(buttons(reply!).filter((b) => b.title === 'Diagnose this call').map((b) => b.data?.callId)).toEqual(['today-poor', 'mon-poor']);
  });

  it('when there were no poor calls, then the bot says so', async () => {
    const bot = createTestBot({ records: [wednesdayGood] });
    const [reply] = await bot.send(teamsMessage('poor calls this week'));
    expect(visibleText(reply!)).toContain('No poor or dropped calls this week');
  });

  it('when a listed call is selected, then its diagnosis card follows', async () => {
    const bot = createTestBot({ records: [todayGood, todayPoor] });
    const [list] = await bot.send(teamsMessage('my calls today'));
    const row = buttons(list!).find((b) => b.title === 'Diagnose this call' && b.data?.callId === 'today-poor');
    const [reply] = await bot.send(cardSubmit(row!.data!));
    expect(visibleText(reply!)).toContain('Poor quality: your call with Ravi Patel');
  });

  it('when "Other recent calls" is pressed, then the recent calls are listed', async () => {
    const bot = createTestBot({ records: [todayGood, todayPoor] });
    const [reply] = await bot.send(cardSubmit({ verb: 'showRecentCalls' }));
    expect(visibleText(reply!)).toContain('Your last 5 calls');
    expect(visibleText(reply!)).toContain('Lena Fischer');
  });

  describe('when there are more calls than one question may examine', () => {
    // 40 good calls with Ravi this week, newest first from Saturday 14:00 UTC back, hour by hour.
    const manyGood = Array.from({ length: 40 }, (_, i) => testCall({ id: `good-${i}`, start: new Date(Date.UTC(2026, 10, 28, 14) - i * 3_600_000).toISOString(), with: [RAVI] }));

    it('when none of the examined calls was poor, then the bot says how many it checked instead of claiming there were none', async () => {
      const bot = createTestBot({ records: manyGood });
      const [reply] = await bot.send(teamsMessage('poor calls this week'));
      const text = visibleText(reply!);
      expect(text).toContain('I checked your 30 most recent calls this week; none was poor or dropped.');
      expect(text).not.toContain('No poor or dropped calls this week');
      expect(buttons(reply!).find((b) => b.title === 'Open in the Call Doctor tab')?.url).toBe('https://teams.microsoft.com/l/entity/app-id/calls');
      expect(bot.calls.fetched.length).toBeLessThanOrEqual(30);
    });

    it('when all calls fit within the limit, then "no poor calls" is said plainly', async () => {
      const bot = createTestBot({ records: manyGood.slice(0, 30) });
      const [reply] = await bot.send(teamsMessage('poor calls this week'));
      expect(visibleText(reply!)).toContain('No poor or dropped calls this week');
    });

    it('when nobody by that name is among the examined calls, then the bot says how many it checked', async () => {
      const bot = createTestBot({ records: manyGood, coldIndex: true });
      const [reply] = await bot.send(teamsMessage('my calls with Zoe this week'));
      expect(visibleText(reply!)).toContain('I checked your 30 most recent calls this week; none was with Zoe.');
    });

    it('when some poor calls were found but the search stopped at the limit, then the list says the tab has the rest', async () => {
      const records = manyGood.map((r, i) => (i === 3 ? testCall({ id: 'poor-3', start: r.startDateTime!, with: [RAVI], quality: 'packet-loss' }) : r));
      const bot = createTestBot({ records });
      const [reply] = await bot.send(teamsMessage('poor calls this week'));
      const text = visibleText(reply!);
      expect(buttons(reply!).filter((b) => b.title === 'Diagnose this call').map((b) => b.data?.callId)).toEqual(['poor-3']);
      expect(text).toContain('I checked only your 30 most recent calls this week. The Call Doctor tab lists them all.');
    });
  });
});
