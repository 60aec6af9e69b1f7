// `npm run bench -- --quick` as the benchmark issue asks: a small version of every benchmark, run
// only to prove the harness still works and results.json has every figure. Nothing here times
// anything or compares a figure with a goal; bench/README.md does that with full runs.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment } from '../server/config/index.js';
import { repoRoot } from './support/reference.js';

const run = promisify(execFile);

/** The figures each benchmark must report (bench/README.md explains each). */
const FIGURES: Record<string, readonly string[]> = {
  diagnosis: ['oneToOnePerSecond', 'meetingPerSecond', 'ratioToJsonParse'],
  lastCall: ['p50Ms', 'p95Ms', 'graphRequestsPerAnswer', 'throttledSeenByUsers', 'roundTripMs', 'naiveP95Ms', 'naiveThrottled'],
  tab: ['detailRenderMs', 'initialJsGzipBytes'],
  footprint: ['rssMb', 'sqliteMb', 'indexBytesPerUser'],
  webhook: ['p99AckMs', 'queued'],
  ingest: ['records', 'seconds', 'graphRequestsPer20s', 'throttled', 'lost', 'floorSeconds', 'ratioToFloor'],
};

let dir: string;
let output: string;
let results: { quick: boolean; machine: { cores: number }; benchmarks: Record<string, Record<string, number>>; spread: Record<string, Record<string, { runs: number }>> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'call-doctor-bench-quick-'));
  const { stdout } = await run('npm', ['run', '--silent', 'bench', '--', '--quick', '--out', dir], { cwd: repoRoot, env: childEnvironment({}), timeout: 400_000, maxBuffer: 16 * 2 ** 20 });
  output = stdout;
  results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as typeof results;
}, 420_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run bench -- --quick', () => {
  it('when run, then results.json says it was a quick run and on what machine', () => {
    expect(results.quick).toBe(true);
    expect(results.machine.cores).toBeGreaterThan(0);
  });

  it.each(Object.entries(FIGURES))('when run, then %s reports every figure as a finite number, with its spread', (key, figures) => {
    const reported = results.benchmarks[key];
    expect(reported, `results.json has no "${key}"; the run printed:\n${output.slice(-2000)}`).toBeDefined();
    for (const figure of figures) {
      expect(Number.isFinite(reported![figure]), `${key}.${figure} = ${reported![figure]}`).toBe(true);
      expect(results.spread[key]![figure]!.runs).toBe(1);
    }
  });

  it('when run, then results.md has a table per benchmark', () => {
    const markdown = readFileSync(join(dir, 'results.md'), 'utf8');
    for (const key of Object.keys(FIGURES)) expect(markdown).toContain(`## ${key}:`);
  });
});
