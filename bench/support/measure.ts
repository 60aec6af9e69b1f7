// A tiny timing loop for benchmarks. The machine is shared, so each rate is the best of a few
// rounds after a warm-up: the least-disturbed round is the closest to the code's own cost.
import { performance } from 'node:perf_hooks';

export interface Rate {
  readonly perSecond: number;
  readonly iterations: number;
}

function round(work: () => unknown, minMs: number): Rate {
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

/** Measures several workloads in interleaved rounds, so a noisy moment hurts all of them alike. */
export function measureEach(works: readonly (() => unknown)[], { rounds = 5, roundMs = 300, warmupMs = 300 } = {}): Rate[] {
  for (const work of works) round(work, warmupMs);
  const best: Rate[] = works.map(() => ({ perSecond: 0, iterations: 0 }));
  for (let r = 0; r < rounds; r++) {
    works.forEach((work, i) => {
      const rate = round(work, roundMs);
      if (rate.perSecond > best[i]!.perSecond) best[i] = rate;
    });
  }
  return best;
}

export function measure(work: () => unknown, minMs = 1000): Rate {
  return measureEach([work], { rounds: 3, roundMs: minMs / 3 })[0]!;
}

export function formatRate(rate: number): string {
  return rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1);
}
