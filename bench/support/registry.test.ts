import { describe, expect, it } from 'vitest';
import { isBenchModule, percentile, spreadOf } from './registry.js';

describe('benchmark figures', () => {
  it('when one figure was measured in five runs, then its spread gives the middle, the 95th percentile and the extremes', () => {
    expect(spreadOf([5, 1, 4, 2, 3])).toEqual({ median: 3, p95: 5, min: 1, max: 5, runs: 5 });
    expect(spreadOf([4, 2]).median).toBe(3);
  });

  it('when a run produced no number, then it is left out of the spread rather than poisoning it', () => {
    expect(spreadOf([Number.NaN, 2, 4]).runs).toBe(2);
    expect(spreadOf([]).runs).toBe(0);
  });

  it('when latencies are sampled, then the nearest-rank percentile is one of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 0.5)).toBe(50);
    expect(percentile(samples, 0.95)).toBe(95);
    expect(percentile(samples, 1)).toBe(100);
  });

  it('when a module lacks run, or has a key that is not text, then it is not a benchmark module', () => {
    expect(isBenchModule({ name: 'x', run: async () => undefined })).toBe(true);
    expect(isBenchModule({ name: 'x' })).toBe(false);
    expect(isBenchModule({ name: 'x', key: 3, run: async () => undefined })).toBe(false);
  });
});
