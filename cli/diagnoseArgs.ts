// Command-line arguments of `npm run diagnose -- FILE... [--user AAD_OBJECT_ID] [--json]`.

export interface DiagnoseArgs {
  readonly files: readonly string[];
  readonly user: string | null;
  readonly json: boolean;
}

export const USAGE = 'usage: npm run --silent diagnose -- FILE... [--user AAD_OBJECT_ID] [--json]';

export function parseArgs(argv: readonly string[]): DiagnoseArgs | { readonly error: string } {
  const files: string[] = [];
  let user: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--user' || arg.startsWith('--user=')) {
      const value = arg === '--user' ? argv[++i] : arg.slice('--user='.length);
      if (!value || value.startsWith('--')) return { error: '--user needs an Entra (AAD) object id' };
      user = value;
    } else if (arg === '--help' || arg === '-h') return { error: USAGE };
    else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length === 0) return { error: 'no call record file given' };
  return { files, user, json };
}
