// `npm run bench`: runs every benchmark module in bench/ (diagnosis first) in one process and
// prints what each measured. A benchmark module exports `name` and `run(log)`.
import { readdir } from 'node:fs/promises';

interface BenchModule {
  readonly name: string;
  run(log: (line: string) => void): Promise<void>;
}

const HELPERS = new Set(['main.ts', 'measure.ts']);
const FIRST = 'diagnosis.ts';

function isBenchModule(value: unknown): value is BenchModule {
  const m = value as Partial<BenchModule> | null;
  return typeof m?.name === 'string' && typeof m.run === 'function';
}

async function main(): Promise<number> {
  const dir = new URL('./', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.has(f));
  files.sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  let failed = 0;
  for (const file of files) {
    const module: unknown = await import(new URL(file, dir).href);
    if (!isBenchModule(module)) {
      console.error(`bench/${file}: not a benchmark module (export name and run(log))`);
      failed++;
      continue;
    }
    console.log(`# ${module.name}`);
    try {
      await module.run((line) => console.log(line));
    } catch (error) {
      console.error(`bench/${file} failed: ${String(error)}`);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
