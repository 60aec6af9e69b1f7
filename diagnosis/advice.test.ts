import { describe, expect, it } from 'vitest';
import { ACTIONS, adviceFor } from './advice.js';
import type { CauseCode } from './types.js';

const CODES = Object.keys(ACTIONS) as CauseCode[];

describe('advice', () => {
  it.each(CODES)('when %s is on the other side then the advice asks them by name and never says "you"', (code) => {
    const advice = adviceFor(code, 'other', 'Bob Lee');
    expect(advice).toMatch(/^Ask Bob Lee to [a-z]/);
    expect(advice).not.toMatch(/\byou(r|rs)?\b/i);
  });

  it.each(CODES)('when %s is on your side then the advice is an instruction that ends with a full stop', (code) => {
    expect(adviceFor(code, 'you', null)).toMatch(/^[A-Z].*\.$/);
  });

  it('when the other person has no name then the advice asks "the other person"', () => {
    expect(adviceFor('vpn', 'other', null)).toMatch(/^Ask the other person to disconnect the VPN/);
  });
});
