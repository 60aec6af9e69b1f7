// The gates must be able to fail: a planted type error, a planted lint error and each
// architecture rule is caught. If someone loosens tsconfig or eslint.config.js, this goes red.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

async function lintRules(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse');
}

describe('npm run check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-gate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a planted type error', async () => {
    writeFileSync(join(dir, 'planted.ts'), 'export const port: number = "3978";\n');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(root, 'tsconfig.json'), compilerOptions: { typeRoots: [join(root, 'node_modules/@types')] }, include: [], files: [join(dir, 'planted.ts')] }));
    const outcome = await run(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json'), '--noEmit']).then(
      () => 'passed',
      (error: { stdout: string }) => error.stdout,
    );
    expect(outcome).toContain('error TS2322');
  });

  it('fails on a planted lint error', async () => {
    expect(await lintRules('export function f(unused: number) { const x = 1; return 2; }\n', 'server/planted.ts')).toContain('@typescript-eslint/no-unused-vars');
  });

  it.each([
    ['diagnosis/planted.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'no-restricted-imports'],
    ['diagnosis/planted.ts', "import { x } from '../graph/contract.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['graph/planted.ts', "import { x } from '../bot/app.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['bot/planted.ts', "import { x } from '../server/config/index.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['server/planted.ts', "import { x } from '../emulator/server.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['emulator/planted.ts', "import { x } from '../graph/contract.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['bot/planted.ts', 'export const id = process.env.BOT_ID;\n', 'no-restricted-properties'],
  ])('enforces the architecture in %s', async (file, code, rule) => {
    expect(await lintRules(code, file)).toContain(rule);
  });

  it('lets the config module read the environment', async () => {
    expect(await lintRules('export const id = process.env.BOT_ID;\n', 'server/config/planted.ts')).toEqual([]);
  });
});
