// Prints the plain CI line "N passed, N failed" from a vitest JSON report, as the last line.
// A failed run with no report (install, type check or lint failed) or with errors outside any
// test still counts as a failure, so the line never reads green on a red run.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, statusText = '0'] = process.argv.slice(2);
const status = Number(statusText);
let passed = 0;
let failed = 0;
let skipped = 0;
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (status !== 0 && failed === 0) failed = 1;
if (status === 0 && passed === 0) {
  console.error('No test ran.');
  failed = 1;
}
if (skipped > 0) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
