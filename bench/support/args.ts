// The benchmark runner's command line.
export interface BenchArgs {
  readonly quick: boolean;
  readonly repeat: number;
  /** Whether --repeat was given (it then applies to every benchmark, the long ones too). */
  readonly repeatGiven: boolean;
  readonly only: ReadonlySet<string> | undefined;
  readonly outDir: string | undefined;
}

const USAGE = 'usage: npm run bench -- [--quick] [--repeat N] [--only key,key] [--out DIR]';

export function parseBenchArgs(argv: readonly string[]): BenchArgs | { readonly problem: string } {
  let quick = false;
  let repeat: number | undefined;
  let only: Set<string> | undefined;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '--quick') quick = true;
      else if (arg === '--repeat') {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 50) return { problem: `--repeat must be a whole number from 1 to 50. ${USAGE}` };
        repeat = n;
      } else if (arg === '--only') only = new Set(value().split(',').map((k) => k.trim()).filter(Boolean));
      else if (arg === '--out') outDir = value();
      else return { problem: `unknown option ${arg}. ${USAGE}` };
    } catch (error) {
      return { problem: `${(error as Error).message}. ${USAGE}` };
    }
  }
  return { quick, repeat: repeat ?? (quick ? 1 : 3), repeatGiven: repeat !== undefined, only, outDir };
}
