import { describe, expect, it } from 'vitest';
import { CONFIDENCE_TABLE } from './confidence.js';

describe('the confidence table', () => {
  it('when read then every confidence is a fraction with a source that says why', () => {
    for (const [key, { value, source }] of Object.entries(CONFIDENCE_TABLE)) {
      expect([key, value >= 0 && value <= 1]).toEqual([key, true]);
      expect(source).toMatch(/^Call Doctor \(ours\): .{10,}/);
    }
  });
});
