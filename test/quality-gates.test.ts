// The gates must be able to fail: a planted type error, an error only our strict settings catch,
// Node code in browser code, a planted lint error and each architecture rule. If someone loosens
// tsconfig, drops a check from npm test or weakens eslint.config.js, this goes red.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  async function typeCheck(config: string, code: string): Promise<string> {
    const file = join(dir, `planted-${Math.random().toString(36).slice(2)}.ts`);
    const tsconfig = `${file}.tsconfig.json`;
    writeFileSync(file, code);
    writeFileSync(tsconfig, JSON.stringify({ extends: join(root, config), compilerOptions: { typeRoots: [join(root, 'node_modules/@types')] }, include: [], files: [file] }));
    return run(join(root, 'node_modules/.bin/tsc'), ['-p', tsconfig, '--noEmit']).then(
      () => 'passed',
      (error: { stdout: string }) => error.stdout,
    );
  }

  it('fails on a planted type error', async () => {
    expect(await typeCheck('tsconfig.json', 'export const port: number = "3978";\n')).toContain('error TS2322');
  });

  it('fails on what only our strictness catches: an unchecked array index', async () => {
    // Passes under plain "strict"; fails only with noUncheckedIndexedAccess, so loosening tsconfig goes red here.
    expect(await typeCheck('tsconfig.json', 'export function first(xs: number[]): number { return xs[0]; }\n')).toContain('error TS2322');
  });

  it('type-checks diagnosis/ as browser code, so a Node global there fails', async () => {
    expect(await typeCheck('tsconfig.browser.json', 'export const home = process.env.HOME;\n')).toMatch(/error TS2580|error TS2591/);
  });

  it('runs both type checks and a zero-warning lint as part of npm test', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.test).toMatch(/^npm run check && vitest run/);
    expect(scripts.check).toContain('tsc -p tsconfig.json --noEmit');
    expect(scripts.check).toContain('tsc -p tsconfig.browser.json --noEmit');
    expect(scripts.check).toContain('eslint --max-warnings 0 .');
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
    ['bot/planted.ts', "import { env } from 'node:process';\nexport const id = env.BOT_ID;\n", 'no-restricted-syntax'],
    ['graph/planted.ts', "import process from 'process';\nexport const id = process.env.BOT_ID;\n", 'no-restricted-syntax'],
    ['server/planted.ts', "import * as proc from 'node:process';\nexport const id = proc.env.BOT_ID;\n", 'no-restricted-syntax'],
    ['bot/planted.ts', "export const load = () => import('node:process');\n", 'no-restricted-syntax'],
    ['bot/planted.ts', 'export const id = globalThis.process.env.BOT_ID;\n', 'no-restricted-syntax'],
    ['bot/planted.ts', 'const { env } = process;\nexport const id = env.BOT_ID;\n', 'no-restricted-properties'],
    ['cli/planted.ts', "import { x } from '../bot/index.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['cli/planted.ts', "import { x } from '../server/compose.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['cli/planted.ts', "import { x } from '../emulator/server.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['server/planted.ts', "import type { X } from '../bot/ports.js';\nexport type F = X;\n", 'no-restricted-imports'],
    ['server/store/planted.ts', "import { x } from '../../bot/createBot.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['bot/testing/planted.ts', "import { x } from '../../test/support/reference.js';\nexport const f = x;\n", 'no-restricted-imports'],
    ['tab/ui/model/planted.ts', "import { x } from '../../../bot/cards/wording.js';\nexport const f = x;\n", 'no-restricted-imports'],
  ])('enforces the architecture in %s', async (file, code, rule) => {
    expect(await lintRules(code, file)).toContain(rule);
  });

  it('lets the config module read the environment', async () => {
    expect(await lintRules('export const id = process.env.BOT_ID;\n', 'server/config/planted.ts')).toEqual([]);
    expect(await lintRules("import { env } from 'node:process';\nexport const id = env.BOT_ID;\n", 'server/config/planted.ts')).toEqual([]);
  });

  it('lets server/ use bot/ through its public surface and cli/ use diagnosis/', async () => {
    expect(await lintRules("import { createBot } from '../bot/index.js';\nexport const f = createBot;\n", 'server/planted.ts')).toEqual([]);
    expect(await lintRules("import { diagnoseCall } from '../diagnosis/index.js';\nexport const f = diagnoseCall;\n", 'cli/planted.ts')).toEqual([]);
  });
});
