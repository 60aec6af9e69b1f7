// Microsoft's own documentation payloads (../shared/reference), as graph/ would hand them to the bot,
// with the real diagnosis engine: test data nobody on the bot side wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnoseCall, parseCallRecord } from '../../diagnosis/index.js';
import type { Diagnosis } from '../../diagnosis/index.js';
import type { FullCallRecord } from '../../graph/contract.js';
import type { TestPerson } from './activities.js';

// Resolved from the repository root like test/support/reference.ts does (bot/ must not import test/).
const graphExamplesDir = join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'reference', 'graph-examples');

const example = (name: string) => JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8')) as Record<string, unknown>;

/** The organizer of the documentation call (the caller). */
export const ABBIE: TestPerson = { id: '821809f5-0000-0000-0000-3b5136c0e777', name: 'Abbie Wilkins' };
/** The callee, who rated the call "poor". */
export const OWEN: TestPerson = { id: 'f69e2c00-0000-0000-0000-185e5f5f5d8a', name: 'Owen Franklin' };
/** An hour after the documentation call ended. */
export const DOCUMENTATION_NOW = new Date('2020-02-25T20:00:00Z');

/**
 * The sessions example (which carries no participants_v2) with the given participants merged in,
 * as graph/ returns it: pass `'listed'` for the participants_v2 example (which files Owen under
 * Abbie's participant id), `'none'` for an empty list.
 */
export function documentationCall(participants: 'listed' | 'none'): FullCallRecord {
  const sessions = example('get-callrecord-expand-sessions-segments.v1.0.json');
  const listed = participants === 'listed' ? (example('get-callrecord-expand-participants_v2.v1.0.json').participants_v2 as unknown[]) : [];
  return { ...sessions, participants_v2: listed } as unknown as FullCallRecord;
}

/** diagnosis/'s engine, wired as server/ wires it. */
export function realDiagnose(record: FullCallRecord, userId: string): Diagnosis {
  const parsed = parseCallRecord(record);
  if (!parsed.ok) throw new Error(parsed.problem);
  return diagnoseCall(parsed.record, userId);
}
