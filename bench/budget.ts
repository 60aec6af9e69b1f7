// Benchmark of graph/'s budget scheduler under an alert storm: 10,000 background list requests
// (backfill pages) queued behind the full list bucket (32 of Graph's 40 per 20 s are background's). Measures event-loop CPU
// (process.cpuUsage, so other processes on a shared machine do not count) per release while
// all 10,000 wait, and in total until every one of them has been admitted and answered. The
// clock is a variable the benchmark moves on, so Graph's 20-second windows pass at once.
import { buckets } from '../graph/budget/buckets.js';
import { GraphBudget, type BudgetLease } from '../graph/budget/graphBudget.js';
import type { BenchOptions } from './support/registry.js';

export const name = 'graph: scheduler CPU per release at 10,000 waiters';

const FIRST = 32;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<void> {
  const WAITERS = options.quick ? 1_000 : 10_000;
  let clock = Date.parse('2026-11-20T10:00:00Z');
  const budget = new GraphBudget(() => new Date(clock));
  const inFlight: BudgetLease[] = [];
  let admittedCount = 0;
  const take = (lease: BudgetLease): void => {
    admittedCount++;
    inFlight.push(lease);
  };
  // Nothing else pumps the scheduler while the clock jumps, so a request of another family
  // (reports) is taken and answered to let it see the passed window.
  const tick = async (): Promise<void> => (await budget.acquire(buckets.report('tick'), 'interactive')).release();

  const total = process.cpuUsage();
  // The first 32 fill background's share of the list bucket; the other 10,000 wait.
  const all = Array.from({ length: FIRST + WAITERS }, () => budget.acquire(buckets.list(), 'background').then(take));
  await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
  const queued = budget.snapshot().waiting.background;

  const first = inFlight.splice(0);
  const releases = process.cpuUsage();
  for (const lease of first) lease.release();
  const perRelease = cpuMs(releases) / first.length;
  log(`${queued.toLocaleString('en-US')} queued: ${perRelease.toFixed(3)} ms CPU per release (${first.length} releases)`);

  while (admittedCount < FIRST + WAITERS || inFlight.length > 0) {
    clock += 20_000;
    await tick();
    await new Promise((resolve) => setImmediate(resolve));
    for (const lease of inFlight.splice(0)) lease.release();
  }
  await Promise.all(all);
  const totalMs = cpuMs(total);
  log(`${(totalMs / 1000).toFixed(2)} s CPU in total (queueing included) to admit and answer all ${(FIRST + WAITERS).toLocaleString('en-US')}`);
}
