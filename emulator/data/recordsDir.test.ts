import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecordsDir, RecordsDirError } from './recordsDir.js';

describe('readRecordsDir', () => {
  const folder = (): string => mkdtempSync(join(tmpdir(), 'records-dir-'));

  it('when the folder does not exist, then the error says so with the system reason', () => {
    const missing = join(folder(), 'nope');
    expect(() => readRecordsDir(missing)).toThrow(RecordsDirError);
    expect(() => readRecordsDir(missing)).toThrow(/cannot read the folder '.*nope' \(ENOENT/);
  });

  it('when a path is a file rather than a folder, then the error names ENOTDIR', () => {
    const file = join(folder(), 'record.json');
    writeFileSync(file, '{}');
    expect(() => readRecordsDir(file)).toThrow(/ENOTDIR/);
  });

  it('when a file is not valid JSON, then the error names the file and what the parser found', () => {
    const dir = folder();
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    expect(() => readRecordsDir(dir)).toThrow(/broken\.json is not valid JSON \(.*JSON/);
  });

  it('when a *.json entry cannot be read, then the error names it and the reason instead of calling it invalid JSON', () => {
    const dir = folder();
    mkdirSync(join(dir, 'folder.json'));
    expect(() => readRecordsDir(dir)).toThrow(/cannot read folder\.json \(EISDIR/);
  });
});
