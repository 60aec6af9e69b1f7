// 10,000 randomly mutated records (seeded, reproducible) through the engine without its
// safety net: none may throw, and every answer must still be a well-formed Diagnosis.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphExamplesDir } from '../test/support/reference.js';
import { describe, expect, it } from 'vitest';
import { diagnoseUnguarded } from './diagnose.js';
import type { CallRecordInput } from './input.js';
import { parseCallRecord } from './parse.js';
import { mutate } from './testing/mutate.js';
import { seededRng } from './testing/random.js';
import { ALICE, BOB, CAROL, groupCall, healthyAudio, healthyVideo, minutes, peerToPeer, withSessionsOf } from './testing/recordBuilder.js';

const example = (name: string): unknown => JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8'));

const BASES: (() => unknown)[] = [
  () => example('get-callrecord-expand-sessions-segments.v1.0.json'),
  () => ({ id: 'wrapped', sessions: (example('list-sessions-expand-segments.v1.0.json') as { value: unknown[] }).value }),
  () => peerToPeer({ callee: { ...BOB, network: { connectionType: 'wifi', wifiSignalStrength: 20, wifiBand: 'frequency24GHz' } }, media: [{ calleeToCaller: healthyAudio({ averagePacketLossRate: 0.2 }) }, { label: 'main-video', calleeToCaller: healthyVideo({ averageVideoFrameRate: 3 }) }] }),
  () => peerToPeer({ failure: { stage: 'midcall', reason: 'lost' }, caller: { ...ALICE, device: { renderMuteEventRatio: 1 }, rating: 'poor' } }),
  () => groupCall([{ participant: ALICE }, { participant: { ...BOB, device: { captureNotFunctioningEventRatio: 1 } }, sent: healthyAudio({ averageJitter: 'PT0.09S' }) }, { participant: CAROL, failure: { stage: 'callSetup' } }]),
  // Failed joins, drops and rejoins: several legs of one person, where timings decide the answer.
  () =>
    groupCall([
      { participant: ALICE, failure: { stage: 'callSetup' }, timing: minutes(0, 0.1), sent: null, received: null },
      { participant: ALICE, failure: { stage: 'midcall' }, timing: minutes(1, 10) },
      { participant: ALICE, timing: minutes(11, 30) },
      { participant: BOB },
    ]),
  () => withSessionsOf(peerToPeer({ id: 'leg-1', failure: { stage: 'midcall' }, timing: minutes(0, 8) }), peerToPeer({ id: 'leg-2', timing: minutes(9, 30) })),
];
const USERS: unknown[] = [ALICE.id, BOB.id, '821809f5-0000-0000-0000-3b5136c0e777', '', null, 42];
const VERDICTS = ['good', 'poor', 'dropped', 'setup-failed', 'unclassified'];
const SIDES = ['you', 'other', 'service', 'unknown'];

describe('mutation fuzz', () => {
  it('when 10,000 randomly mutated records are diagnosed then none throws and every answer is well formed', () => {
    const rng = seededRng(20261129);
    let diagnosed = 0;
    for (let i = 0; i < 10_000; i++) {
      const doc = mutate(rng.pick(BASES)(), rng, rng.int(1, 6));
      const user = rng.pick(USERS) as string;
      let result;
      try {
        parseCallRecord(doc);
        result = diagnoseUnguarded(doc as CallRecordInput, user);
      } catch (error) {
        throw new Error(`case ${i} threw: ${String(error)}\n${JSON.stringify(doc)?.slice(0, 2000)}`, { cause: error });
      }
      diagnosed++;
      expect(VERDICTS).toContain(result.verdict);
      expect(typeof result.summary === 'string' && result.summary.length > 0).toBe(true);
      expect(typeof result.rejoined).toBe('boolean');
      for (const cause of result.causes) {
        expect(SIDES).toContain(cause.side);
        expect(cause.confidence).toBeGreaterThanOrEqual(0);
        expect(cause.confidence).toBeLessThanOrEqual(1);
      }
      expect(() => JSON.stringify(result)).not.toThrow();
    }
    expect(diagnosed).toBe(10_000);
  });
});
