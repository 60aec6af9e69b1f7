// Test support drives the emulator only through its public surface (emulator/index.ts), so the
// emulator's internals can be reorganised without breaking every integration test.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const supportDir = join(root, 'test', 'support');

function emulatorImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(root, resolve(dirname(file), name)).split('\\').join('/'))
    .filter((path) => path.startsWith('emulator/'));
}

describe('emulator public surface', () => {
  const files = readdirSync(supportDir).filter((n) => n.endsWith('.ts')).map((n) => join(supportDir, n));

  it('when test support imports the emulator, then every import goes through emulator/index.ts', () => {
    const offending = files.flatMap((file) => emulatorImports(file).filter((path) => path !== 'emulator/index.js').map((path) => `${relative(root, file)} -> ${path}`));
    expect(offending).toEqual([]);
  });

  it('when the check reads test/support/emulator.ts, then it sees its emulator import (so an empty result above means something)', () => {
    expect(emulatorImports(join(supportDir, 'emulator.ts'))).toEqual(['emulator/index.js']);
  });
});
