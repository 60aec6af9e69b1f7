import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, THRESHOLD_KEYS, THRESHOLD_TABLE, resolveThresholds } from './thresholds.js';

describe('resolveThresholds', () => {
  it('when given no overrides then it returns the CQD defaults', () => {
    expect(resolveThresholds({})).toEqual(DEFAULT_THRESHOLDS);
    expect(DEFAULT_THRESHOLDS['audio.jitterMs']).toBe(30);
    expect(DEFAULT_THRESHOLDS['audio.packetLossRate']).toBe(0.1);
  });

  it('when given a known key then only that threshold changes', () => {
    const resolved = resolveThresholds({ 'audio.jitterMs': 40 });
    expect(resolved['audio.jitterMs']).toBe(40);
    expect({ ...resolved, 'audio.jitterMs': 30 }).toEqual(DEFAULT_THRESHOLDS);
  });

  it('when given an unknown key then the error names it and lists the known keys', () => {
    expect(() => resolveThresholds({ 'audio.jiter': 40 })).toThrow(/Unknown call-quality threshold "audio\.jiter".*audio\.jitterMs/);
  });

  it.each([
    ['audio.packetLossRate', 1.5],
    ['audio.jitterMs', -1],
    ['audio.jitterMs', Number.NaN],
    ['audio.jitterMs', Number.POSITIVE_INFINITY],
  ])('when %s is %d then the error names the key and the allowed range', (key, value) => {
    expect(() => resolveThresholds({ [key]: value })).toThrow(new RegExp(`"${key.replace('.', '\\.')}" must be a number from`));
  });

  it('when the table is read then every threshold names its unit and a source', () => {
    for (const key of THRESHOLD_KEYS) {
      expect(THRESHOLD_TABLE[key].unit.length).toBeGreaterThan(0);
      expect(THRESHOLD_TABLE[key].source.length).toBeGreaterThan(10);
    }
  });
});
