import { describe, expect, it } from 'vitest';
import { formatDuration, formatLocalTime, startOfLocalDay, startOfLocalWeek, zonedInstant } from './zonedTime.js';

describe('time in the asker’s zone', () => {
  it('when it is 07:00 in Seattle, then "today" started at 08:00 UTC', () => {
    expect(startOfLocalDay(new Date('2026-11-28T15:00:00Z'), 'America/Los_Angeles').toISOString()).toBe('2026-11-28T08:00:00.000Z');
  });

  it('when it is just after midnight in Tokyo, then "today" is already the next UTC day’s date there', () => {
    expect(startOfLocalDay(new Date('2026-11-28T15:30:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-11-28T15:00:00.000Z');
  });

  it('when a local time falls on a daylight-saving change, then the offset of that day is used', () => {
    // Europe switched to summer time on 2026-03-29 at 02:00 local; 14:00 that day is UTC+2.
    expect(zonedInstant('Europe/Berlin', 2026, 3, 29, 14, 0).toISOString()).toBe('2026-03-29T12:00:00.000Z');
    expect(zonedInstant('Europe/Berlin', 2026, 3, 28, 14, 0).toISOString()).toBe('2026-03-28T13:00:00.000Z');
  });

  it('when the week is asked for on a Saturday, then it started on Monday', () => {
    expect(startOfLocalWeek(new Date('2026-11-28T15:00:00Z'), 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('when a call was yesterday in the user’s zone but today in UTC, then it reads "Yesterday"', () => {
    const now = new Date('2026-11-28T15:00:00Z');
    expect(formatLocalTime(new Date('2026-11-28T06:00:00Z'), 'America/Los_Angeles', now)).toBe('Yesterday, 10:00 PM');
    expect(formatLocalTime(new Date('2026-11-28T06:00:00Z'), 'UTC', now)).toBe('Today, 6:00 AM');
  });

  it.each([
    [42, '42 s'],
    [720, '12 min'],
    [3900, '1 h 5 min'],
    [7200, '2 h'],
  ])('when a call lasted %i seconds, then it reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
