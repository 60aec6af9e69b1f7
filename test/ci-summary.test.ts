// The CI line is what decides whether a submission lands: it must never read green on a red run.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/reference.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'call-doctor-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function summary(report: object | undefined, status: number): Promise<{ lastLine: string; exitCode: number }> {
  const path = join(dir, `report-${Math.random()}.json`);
  if (report) writeFileSync(path, JSON.stringify(report));
  const outcome = await run('node', [join(repoRoot, 'scripts/test-summary.mjs'), path, String(status)]).then(
    ({ stdout }) => ({ stdout, exitCode: 0 }),
    (error: { stdout: string; code: number }) => ({ stdout: error.stdout, exitCode: error.code }),
  );
  return { lastLine: outcome.stdout.trim().split('\n').at(-1) ?? '', exitCode: outcome.exitCode };
}

describe('the CI summary line', () => {
  it('when every test passed, then it prints the counts and succeeds', async () => {
    expect(await summary({ numPassedTests: 12, numFailedTests: 0 }, 0)).toEqual({ lastLine: '12 passed, 0 failed', exitCode: 0 });
  });

  it('when tests failed, then it prints how many and fails', async () => {
    expect(await summary({ numPassedTests: 10, numFailedTests: 2 }, 1)).toEqual({ lastLine: '10 passed, 2 failed', exitCode: 1 });
  });

  it('when the run failed outside any test (an unhandled error), then it still counts a failure', async () => {
    expect(await summary({ numPassedTests: 12, numFailedTests: 0 }, 1)).toEqual({ lastLine: '12 passed, 1 failed', exitCode: 1 });
  });

  it('when install, type check or lint failed before any test ran, then it reports a failure', async () => {
    expect(await summary(undefined, 2)).toEqual({ lastLine: '0 passed, 1 failed', exitCode: 1 });
  });

  it('when the runner exited cleanly but ran no test, then it is not green', async () => {
    expect(await summary({ numPassedTests: 0, numFailedTests: 0 }, 0)).toEqual({ lastLine: '0 passed, 1 failed', exitCode: 1 });
  });
});
