import { describe, expect, it } from 'vitest';
import { parseMeetingKind } from './meetingKind.js';
import { periodWords } from './periodWords.js';
import { parseTimeExpression, resolveTimeExpression } from './timeExpression.js';

const now = new Date('2026-11-28T15:00:00Z'); // Saturday

describe('periods read exactly as said', () => {
  it.each([
    ['my calls in the past 3 days', { lastHours: 72 }, 'in the past 3 days', '2026-11-25T15:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['last 2 days', { lastHours: 48 }, 'in the past 2 days', '2026-11-26T15:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['past few days', { lastHours: 72 }, 'in the past 3 days', '2026-11-25T15:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['calls in the last 24 hours', { lastHours: 24 }, 'in the past 24 hours', '2026-11-27T15:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['past 2 hours', { lastHours: 2 }, 'in the past 2 hours', '2026-11-28T13:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['past week', { lastHours: 168 }, 'in the past week', '2026-11-21T15:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['this afternoon', { day: 'today', partOfDay: 'afternoon' }, 'this afternoon', '2026-11-28T12:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['the call before lunch', { day: 'today', partOfDay: 'beforeLunch' }, 'before lunch today', '2026-11-28T00:00:00.000Z', '2026-11-28T12:30:00.000Z'],
    ['yesterday before lunch', { day: 'yesterday', partOfDay: 'beforeLunch' }, 'yesterday before lunch', '2026-11-27T00:00:00.000Z', '2026-11-27T12:30:00.000Z'],
    ['the lunch meeting', { day: 'today', partOfDay: 'lunch' }, 'at lunch today', '2026-11-28T11:30:00.000Z', '2026-11-28T14:00:00.000Z'],
    ['after lunch', { day: 'today', partOfDay: 'afterLunch' }, 'after lunch today', '2026-11-28T13:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['yesterday morning', { day: 'yesterday', partOfDay: 'morning' }, 'yesterday morning', '2026-11-27T05:00:00.000Z', '2026-11-27T12:00:00.000Z'],
    ['yday afternoon', { day: 'yesterday', partOfDay: 'afternoon' }, 'yesterday afternoon', '2026-11-27T12:00:00.000Z', '2026-11-27T17:00:00.000Z'],
    ['last night', { day: 'yesterday', partOfDay: 'evening' }, 'yesterday evening', '2026-11-27T17:00:00.000Z', '2026-11-28T00:00:00.000Z'],
    ['my call on monday', { weekday: 1 }, 'on Monday', '2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z'],
    ["thursday's meeting", { weekday: 4 }, 'on Thursday', '2026-11-26T00:00:00.000Z', '2026-11-27T00:00:00.000Z'],
    ['on saturday', { weekday: 6 }, 'on Saturday', '2026-11-28T00:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['monday morning', { weekday: 1, partOfDay: 'morning' }, 'on Monday morning', '2026-11-23T05:00:00.000Z', '2026-11-23T12:00:00.000Z'],
    ['this week', { day: 'thisWeek' }, 'this week', '2026-11-23T00:00:00.000Z', '2026-11-28T15:00:00.000Z'],
  ])('when the text is "%s", then the period is %o, said back as "%s"', (text, expression, words, since, until) => {
    const parsed = parseTimeExpression(text);
    expect(parsed).toEqual(expression);
    expect(periodWords(parsed!)).toBe(words);
    const window = resolveTimeExpression(parsed!, now, 'UTC');
    expect(window.since.toISOString()).toBe(since);
    expect(window.until.toISOString()).toBe(until);
  });

  it('when the asker is in Seattle, then "before lunch" ends at 12:30 there', () => {
    const window = resolveTimeExpression(parseTimeExpression('before lunch yesterday')!, now, 'America/Los_Angeles');
    expect(window.until.toISOString()).toBe('2026-11-27T20:30:00.000Z');
  });

  it.each(['I sat in a call', 'we had a call', 'my last call'])('when "%s" names no day, then no weekday is read', (text) => {
    expect(parseTimeExpression(text)?.weekday).toBeUndefined();
  });

  it.each([
    ['how was the all hands', 'largest', 'the all hands'],
    ['the all-hands', 'largest', 'the all-hands'],
    ['the big meeting', 'largest', 'the big meeting'],
    ['how was the town hall', 'largest', 'the town hall'],
    ['my 1:1 with megan', 'oneOnOne', 'your 1:1'],
    ['my call with ravi', null, null],
  ])('when the text is "%s", then the meeting kind is %s', (text, size, said) => {
    const kind = parseMeetingKind(text);
    expect(kind?.size ?? null).toBe(size);
    expect(kind?.said ?? null).toBe(said);
  });
});
