import { describe, expect, it } from 'vitest';
import { durationMs } from './duration.js';

describe('durationMs', () => {
  it.each([
    ['PT0.016S', 16],
    ['PT0.5S', 500],
    ['PT1M2.5S', 62_500],
    ['PT2H', 7_200_000],
    ['P1DT1S', 86_401_000],
    ['-PT0.5S', -500],
  ])('when given %s then it is %d ms', (text, expected) => {
    expect(durationMs(text)).toBe(expected);
  });

  it.each([['P1Y'], ['PT'], ['P'], ['PTS'], ['0.016'], [''], ['PT1e400S'], [16], [null], ['PT0.016S '.repeat(20)]])('when given %j then it is null', (value) => {
    expect(durationMs(value)).toBeNull();
  });
});
