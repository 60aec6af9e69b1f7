import { describe, expect, it } from 'vitest';
import { checkAlertSettingsChange, isQuietAt } from './alertSettings.js';

describe('quiet hours', () => {
  const evening = { start: '18:00', end: '08:00' };

  it('when quiet hours wrap midnight, then late evening and early morning are quiet and the day is not', () => {
    // 17:30 UTC is 18:30 in Berlin (CET, winter).
    expect(isQuietAt(new Date('2026-12-01T17:30:00Z'), evening, 'Europe/Berlin')).toBe(true);
    expect(isQuietAt(new Date('2026-12-01T06:59:00Z'), evening, 'Europe/Berlin')).toBe(true);
    expect(isQuietAt(new Date('2026-12-01T07:00:00Z'), evening, 'Europe/Berlin')).toBe(false);
    expect(isQuietAt(new Date('2026-12-01T12:00:00Z'), evening, 'Europe/Berlin')).toBe(false);
  });

  it('when quiet hours sit inside one day, then only that span is quiet', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(isQuietAt(new Date('2026-12-01T12:30:00Z'), lunch, 'UTC')).toBe(true);
    expect(isQuietAt(new Date('2026-12-01T13:00:00Z'), lunch, 'UTC')).toBe(false);
  });

  it('when there are none, then nothing is quiet', () => {
    expect(isQuietAt(new Date('2026-12-01T03:00:00Z'), null, 'UTC')).toBe(false);
  });

  it('when a change is malformed, then the error names the field', () => {
    expect(() => checkAlertSettingsChange({ quietHours: { start: '8:00', end: '09:00' } })).toThrow(/start/);
    expect(() => checkAlertSettingsChange({ quietHours: { start: '08:00', end: '08:00' } })).toThrow(/different/);
    expect(() => checkAlertSettingsChange({ dailyCap: 1.5 })).toThrow(/Daily cap/);
    expect(() => checkAlertSettingsChange({ mode: 'sometimes' as never })).toThrow(/mode/);
    expect(() => checkAlertSettingsChange({ quietHours: null, dailyCap: 3, timeZone: 'America/New_York', mode: 'off' })).not.toThrow();
  });
});
