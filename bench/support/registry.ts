// What a benchmark module is, and how its figures are kept. A module exports `name` and
// `run(log, options)`; when it also exports `key`, the figures `run` returns are written under
// that key in bench/results.json, so runs can be compared from one to the next.

/** One number per figure name, e.g. { p50Ms: 120, p95Ms: 180 }. */
export type Figures = Readonly<Record<string, number>>;

export interface BenchOptions {
  /** A small version of every benchmark: the test suite runs it only to prove the harness and the figures still work. */
  readonly quick: boolean;
}

export interface BenchModule {
  readonly name: string;
  readonly key?: string;
  /** How many times a full run repeats it (the runner's --repeat otherwise); 1 for the long ones. */
  readonly repeats?: number;
  run(log: (line: string) => void, options: BenchOptions): Promise<Figures | void>;
}

export function isBenchModule(value: unknown): value is BenchModule {
  const m = value as Partial<BenchModule> | null;
  return typeof m?.name === 'string' && typeof m.run === 'function' && (m.key === undefined || typeof m.key === 'string');
}

/** Median, p95, min and max of one figure over repeated runs. */
export interface Spread {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0 };
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Percentile of a sample (nearest rank), for latencies within one run. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
