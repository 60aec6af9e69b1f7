import { describe, expect, it } from 'vitest';
import { toVisibilitySeconds } from './queues.js';

describe('toVisibilitySeconds', () => {
  it('when a delay is not whole seconds, then it rounds up, so a message never reappears before the delay asked for', () => {
    expect(toVisibilitySeconds(0)).toBe(0);
    expect(toVisibilitySeconds(1)).toBe(1);
    expect(toVisibilitySeconds(1_000)).toBe(1);
    expect(toVisibilitySeconds(1_500)).toBe(2);
  });

  it('when a delay is longer than the service allows, then it is held at 7 days instead of refused', () => {
    expect(toVisibilitySeconds(30 * 24 * 3_600_000)).toBe(604_800);
    expect(toVisibilitySeconds(-5)).toBe(0);
  });
});
