import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockStartForRecords } from './recordsClock.js';

describe('clockStartForRecords', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'call-doctor-records-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('when records are old, then the demo clock starts 35 minutes after the newest one ended', () => {
    const dir = folder({
      'a.json': JSON.stringify({ id: 'a', startDateTime: '2020-02-25T18:52:21Z', endDateTime: '2020-02-25T18:52:46Z' }),
      'b.json': JSON.stringify({ id: 'b', startDateTime: '2020-02-24T10:00:00Z', endDateTime: '2020-02-24T10:30:00Z' }),
      'notes.txt': 'not a record',
      'broken.json': '{',
    });
    expect(clockStartForRecords(dir)?.toISOString()).toBe('2020-02-25T19:27:46.000Z');
  });

  it('when no record has a time, then there is no clock start and the real time is used', () => {
    expect(clockStartForRecords(folder({ 'a.json': '{"id":"a"}' }))).toBeUndefined();
  });
});
