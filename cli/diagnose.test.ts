// The diagnose command, run as a real child process on the Graph documentation examples and on
// broken files.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphExamplesDir } from '../test/support/reference.js';

const root = new URL('..', import.meta.url).pathname;
const examples = graphExamplesDir;
const OWEN = 'f69e2c00-0000-0000-0000-185e5f5f5d8a';

function diagnose(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(root, 'node_modules/.bin/tsx'), [join(root, 'cli/diagnose.ts'), ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run diagnose', () => {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-diagnose-'));
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"id": "abc", "sessions": [');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when given two records with --json then it prints one JSON object per file, one per line, with the contract fields', async () => {
    const run = await diagnose(join(examples, 'list-sessions-expand-segments.v1.0.json'), join(examples, 'get-callrecord.v1.0.json'), '--user', OWEN, '--json');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.callId, l.verdict])).toEqual([
      ['e523d2ed-2966-4b6b-925b-754a88034cc5', 'poor'],
      ['e523d2ed-2966-4b6b-925b-754a88034cc5', 'unclassified'],
    ]);
    expect(Object.keys(lines[0]!)).toEqual(['callId', 'verdict', 'causes', 'summary', 'notes']);
    expect(Object.keys((lines[0]!.causes as object[])[0]!)).toEqual(['code', 'side', 'confidence', 'evidence', 'advice']);
    expect((lines[0]!.causes as { code: string; side: string }[])[0]).toMatchObject({ code: 'congested-network', side: 'you' });
    // Abbie's muted speaker was her experience, not Owen's: a note.
    expect((lines[0]!.notes as { code: string }[]).map((n) => n.code)).toContain('their-experience');
  });

  it('when one file is broken then stderr names it and why, the other files are still diagnosed, and the exit status is 1', async () => {
    const run = await diagnose(broken, join(examples, 'get-callrecord-expand-sessions-segments.v1.0.json'), join(examples, 'list-callrecords.v1.0.json'), join(dir, 'missing.json'), '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${broken}: is not valid JSON`);
    expect(run.stderr).toMatch(/list-callrecords\.v1\.0\.json: this is a list response/);
    expect(run.stderr).toContain(`${join(dir, 'missing.json')}: no such file`);
    expect(run.stderr).toMatch(/get-callrecord-expand-sessions-segments\.v1\.0\.json: warning: more sessions are on a next page/);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    // 26 seconds, one stream, one measured value: too little to call it good.
    expect(JSON.parse(run.stdout).verdict).toBe('unclassified');
  });

  it("when no --user is given then the readable report says it took the organizer's point of view", async () => {
    const run = await diagnose(join(examples, 'get-callrecord-expand-sessions-segments.v1.0.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Point of view: 821809f5-0000-0000-0000-3b5136c0e777, the organizer (no --user given)');
    expect(run.stdout).toContain('Verdict: unclassified');
    expect(run.stdout).toContain('Measured: 1 stream measured (audio: what you sent)');
  });

  it('when --user names someone who is not in the record then stderr warns, and the report notes it', async () => {
    const run = await diagnose(join(examples, 'list-sessions-expand-segments.v1.0.json'), '--user', 'ffffffff-0000-4000-8000-000000000000');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: --user ffffffff-0000-4000-8000-000000000000 is on no endpoint of this record/);
    expect(run.stdout).toMatch(/Point of view: the person asked about is on no endpoint of this record/);
  });

  it('when no file is given then it prints the usage and exits with 2', async () => {
    const run = await diagnose('--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no call record file given\nusage: npm run --silent diagnose/);
  });
});
