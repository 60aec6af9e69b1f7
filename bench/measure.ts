// A tiny timing loop for benchmarks: warm up, then repeat until enough time has passed.
import { performance } from 'node:perf_hooks';

export interface Rate {
  readonly perSecond: number;
  readonly iterations: number;
}

export function measure(work: () => unknown, minMs = 1000): Rate {
  for (let i = 0; i < 20; i++) work();
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 10; i++) work();
    iterations += 10;
    elapsed = performance.now() - start;
  }
  return { perSecond: (iterations * 1000) / elapsed, iterations };
}

export function formatRate(rate: number): string {
  return rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1);
}
