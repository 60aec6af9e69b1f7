// Done-when of issue #5: the documentation's example report rows, served by the emulator, come
// through graph/'s real reports client whole: every row, every property, documented enum
// spellings included. (graph/reports/docExamples.test.ts covers the docs' nextLink forms.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphOverEmulator } from './support/graphOverEmulator.js';
import { graphExamplesDir } from './support/reference.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The blocked-users example has trailing commas (a documentation typo no service sends); they are stripped. */
function documentedRows(file: string): Record<string, unknown>[] {
  const text = readFileSync(join(graphExamplesDir, file), 'utf8').replace(/,(\s*[}\]])/g, '$1');
  return (JSON.parse(text) as { value: Record<string, unknown>[] }).value;
}

/** A range around the rows' own dates (the SMS example's row lies outside the range its nextLink names). */
function rangeAround(rows: readonly Record<string, unknown>[], field: string) {
  const times = rows.map((r) => Date.parse(String(r[field])));
  return { from: new Date(Math.min(...times) - DAY_MS), to: new Date(Math.max(...times) + DAY_MS) };
}

const examples = [
  { file: 'getPstnCalls.v1.0.json', kind: 'getPstnCalls', method: 'pstnCalls', time: 'startDateTime' },
  { file: 'getDirectRoutingCalls.v1.0.json', kind: 'getDirectRoutingCalls', method: 'directRoutingCalls', time: 'startDateTime' },
  { file: 'getSmsLog.beta.json', kind: 'getSmsLog', method: 'smsLog', time: 'sentDateTime' },
  { file: 'getPstnBlockedUsersLog.beta.json', kind: 'getPstnBlockedUsersLog', method: 'blockedUsersLog', time: 'blockDateTime' },
] as const;

describe('documentation example report rows served by the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, strict: true, throttle: false });
    for (const example of examples) emulator.addReportRows(example.kind, documentedRows(example.file));
  });
  afterAll(() => emulator.close());

  it.each(examples)('when Graph serves the rows of $file, then $method returns each of them with every property', async ({ file, method, time }) => {
    const documented = documentedRows(file);
    const graph = graphOverEmulator(emulator);

    const rows = await graph.callRecords[method](rangeAround(documented, time));
    expect(rows).toEqual(documented);
  });

  it('when the blocked-users example says "Blocked" and "Unblocked" (capitalised, unlike the schema\'s enum), then those values come through as sent', async () => {
    const documented = documentedRows('getPstnBlockedUsersLog.beta.json');
    const graph = graphOverEmulator(emulator);

    const rows = await graph.callRecords.blockedUsersLog(rangeAround(documented, 'blockDateTime'));
    expect(rows.map((r) => r.userBlockMode)).toEqual(['Blocked', 'Unblocked']);
  });
});
