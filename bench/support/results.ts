// bench/results.json and bench/results.md: per benchmark key, each figure's median over the
// repeated runs (so results.json's `benchmarks.lastCall.p95Ms` is one number a later run can be
// compared with) and its spread; and the machine the numbers were taken on.
import { writeFile, mkdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { spreadOf, type Figures, type Spread } from './registry.js';

export interface BenchResult {
  readonly key: string;
  readonly name: string;
  readonly runs: readonly Figures[];
}

export interface ResultsFile {
  readonly takenAt: string;
  readonly quick: boolean;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly memoryGiB: number; readonly node: string; readonly platform: string };
  readonly benchmarks: Record<string, Record<string, number>>;
  readonly spread: Record<string, Record<string, Spread>>;
  readonly names: Record<string, string>;
}

export function summarizeResults(results: readonly BenchResult[], options: { quick: boolean; takenAt?: Date }): ResultsFile {
  const benchmarks: ResultsFile['benchmarks'] = {};
  const spread: ResultsFile['spread'] = {};
  const names: Record<string, string> = {};
  for (const result of results) {
    const figureNames = [...new Set(result.runs.flatMap((run) => Object.keys(run)))];
    const spreads = Object.fromEntries(figureNames.map((figure) => [figure, spreadOf(result.runs.map((run) => run[figure] ?? Number.NaN))]));
    spread[result.key] = spreads;
    benchmarks[result.key] = Object.fromEntries(figureNames.map((figure) => [figure, spreads[figure]!.median]));
    names[result.key] = result.name;
  }
  const cpu = cpus();
  return {
    takenAt: (options.takenAt ?? new Date()).toISOString(),
    quick: options.quick,
    machine: { cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` },
    benchmarks,
    spread,
    names,
  };
}

function format(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

export function resultsMarkdown(file: ResultsFile): string {
  const lines = [
    '# Benchmark results',
    '',
    `Taken ${file.takenAt}${file.quick ? ' (quick run: small sizes, not for comparison)' : ''} on ${file.machine.cores} × ${file.machine.cpu}, ${file.machine.memoryGiB} GiB, Node ${file.machine.node}, ${file.machine.platform}.`,
    'Each figure: the median of the repeated runs, then p95, min and max over those runs. See bench/README.md for what each one means.',
    '',
  ];
  for (const [key, figures] of Object.entries(file.spread)) {
    lines.push(`## ${key}: ${file.names[key] ?? ''}`, '', '| Figure | Median | p95 | Min | Max | Runs |', '|---|---:|---:|---:|---:|---:|');
    for (const [figure, s] of Object.entries(figures)) lines.push(`| ${figure} | ${format(s.median)} | ${format(s.p95)} | ${format(s.min)} | ${format(s.max)} | ${s.runs} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export async function writeResults(dir: string, results: readonly BenchResult[], options: { quick: boolean }): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const file = summarizeResults(results, options);
  const json = join(dir, 'results.json');
  const markdown = join(dir, 'results.md');
  await writeFile(json, `${JSON.stringify(file, null, 2)}\n`);
  await writeFile(markdown, `${resultsMarkdown(file)}\n`);
  return { json, markdown };
}
