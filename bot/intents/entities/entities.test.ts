import { describe, expect, it } from 'vitest';
import { parseCount } from './count.js';
import { parsePersonName } from './personName.js';
import { parsePhoneNumber, samePhoneNumber } from './phoneNumber.js';
import { parseTimeExpression, resolveTimeExpression } from './timeExpression.js';

const now = new Date('2026-11-28T15:00:00Z'); // Saturday; 07:00 in Seattle

describe('entities in questions', () => {
  it.each([
    ['how was my call with Ravi', 'Ravi'],
    ['call with Lena Fischer yesterday', 'Lena Fischer'],
    ["what's wrong with my call with Ravi", 'Ravi'],
    ["Ravi's call", 'Ravi'],
    ['between me and Megan', 'Megan'],
    ['what happened to my call', null],
    ['I want to know why', null],
    ['something wrong with the audio', null],
    ["show me Ravi's last call", 'Ravi'],
    ["Show Ravi's last call", 'Ravi'],
    ["Lena Fischer's most recent meeting", 'Lena Fischer'],
    ["show me lena's calls", 'lena'],
    ["today's call was bad", null],
    ["last week's meeting", null],
    ["Monday's call", null],
    ["the team's last call", null],
    ["what's my last call", null],
    ["Yesterday's call", null],
  ])('when the text is "%s", then the person is %s', (text, person) => {
    expect(parsePersonName(text)).toBe(person);
  });

  it.each([
    ['show my last 5 calls', 5],
    ['my last five calls', 5],
    ['10 calls', 10],
    ['calls in the last 30 minutes', null],
    ['my 2pm meeting', null],
  ])('when the text is "%s", then the count is %s', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it.each([
    ['call to +1 425 555 0100', '14255550100'],
    ['(425) 555-0100', '4255550100'],
    ['my 2pm meeting', null],
    ['the meeting on 2026-11-27', null],
  ])('when the text is "%s", then the phone digits are %s', (text, digits) => {
    expect(parsePhoneNumber(text)?.digits ?? null).toBe(digits);
  });

  it('when a report masks digits, then the number still matches on the visible ones', () => {
    const asked = parsePhoneNumber('425 555 0100')!;
    expect(samePhoneNumber('+1425555****', asked)).toBe(true);
    expect(samePhoneNumber('+14255550199', asked)).toBe(false);
  });

  it('when "my 2pm meeting" is asked at 7 am, then it means 2 pm yesterday in the asker’s zone', () => {
    const window = resolveTimeExpression(parseTimeExpression('my 2pm meeting')!, now, 'America/Los_Angeles');
    expect(window.around?.toISOString()).toBe('2026-11-27T22:00:00.000Z');
  });

  it('when "this morning" is asked, then the window is this morning in the asker’s zone only', () => {
    const window = resolveTimeExpression(parseTimeExpression('my call this morning')!, new Date('2026-11-28T20:00:00Z'), 'UTC');
    expect([window.since.toISOString(), window.until.toISOString()]).toEqual(['2026-11-28T05:00:00.000Z', '2026-11-28T12:00:00.000Z']);
  });

  it('when "last week" is asked, then the window is the previous Monday to this Monday', () => {
    const window = resolveTimeExpression({ day: 'lastWeek' }, now, 'UTC');
    expect([window.since.toISOString(), window.until.toISOString()]).toEqual(['2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z']);
  });
});
