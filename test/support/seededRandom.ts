// The fuzz tests' seeded generator: diagnosis/'s mulberry32 with an exclusive-bound int, so the
// same seed replays the same cases and a failure names its seed and case number.
import { seededRng } from '../../diagnosis/testing/random.js';

export interface Random {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  const rng = seededRng(seed);
  return { next: rng.next, int: (max) => rng.int(0, max - 1), pick: rng.pick, chance: rng.chance };
}
