// `npm run bench [-- --quick] [--repeat N] [--only key,key] [--out DIR]`: runs every benchmark
// module in bench/ (diagnosis first) in one process, each several times, prints what each
// measured, and writes results.json and results.md (median, p95, min and max of every figure over
// the repeated runs). Ratios are computed inside each run, so a noisy machine moves both sides.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './support/args.js';
import { isBenchModule, type Figures } from './support/registry.js';
import { writeResults, type BenchResult } from './support/results.js';

const HELPERS = new Set(['main.ts']);
const FIRST = 'diagnosis.ts';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if ('problem' in args) {
    console.error(args.problem);
    return 2;
  }
  const dir = new URL('./', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.has(f));
  files.sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  let failed = 0;
  const results: BenchResult[] = [];
  for (const file of files) {
    const module: unknown = await import(new URL(file, dir).href);
    if (!isBenchModule(module)) {
      console.error(`bench/${file}: not a benchmark module (export name and run(log, options))`);
      failed++;
      continue;
    }
    if (args.only && !(module.key && args.only.has(module.key))) continue;
    console.log(`# ${module.name}${args.quick ? ' (quick)' : ''}`);
    const runs: Figures[] = [];
    // Modules without a key only print; once is enough for them.
    const times = !module.key ? 1 : args.repeatGiven || args.quick ? args.repeat : (module.repeats ?? args.repeat);
    for (let i = 0; i < times; i++) {
      if (times > 1) console.log(`## run ${i + 1} of ${times}`);
      try {
        const figures = await module.run((line) => console.log(line), { quick: args.quick });
        if (figures) runs.push(figures);
      } catch (error) {
        console.error(`bench/${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        failed++;
        break;
      }
    }
    if (module.key && runs.length > 0) results.push({ key: module.key, name: module.name, runs });
  }
  const written = await writeResults(args.outDir ?? fileURLToPath(dir), results, { quick: args.quick });
  console.log(`Wrote ${written.json} and ${written.markdown}`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
