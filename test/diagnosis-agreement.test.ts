// The diagnosis engine against the emulator's generator: every generated record whose ground
// truth is known, diagnosed from the ground-truth user's point of view. Verdict, top cause and
// side must agree on every unambiguous record; the agreement rate is printed for all of them.
import { describe, expect, it } from 'vitest';
import { diagnoseCall } from '../diagnosis/index.js';
import type { CallRecordInput, Diagnosis } from '../diagnosis/index.js';
import { generateTenant } from '../emulator/data/generate.js';
import type { GroundTruth } from '../emulator/data/groundTruth.js';

const NOW = new Date('2026-11-29T16:00:00Z');
const SEEDS = [42, 7, 2026];

function agrees(truth: GroundTruth, d: Diagnosis): boolean {
  if (d.verdict !== truth.verdict) return false;
  if (truth.cause === null) return d.causes.length === 0;
  const top = d.causes[0];
  return top?.code === truth.cause && top.side === truth.side;
}

function describeAnswer(d: Diagnosis): string {
  const top = d.causes[0];
  return `${d.verdict}/${top?.code ?? '-'}/${top?.side ?? '-'}`;
}

describe.each(SEEDS)('generated tenant, seed %i', (seed) => {
  const tenant = generateTenant({ seed, now: NOW });
  const records = new Map(tenant.records.map((r) => [String((r as { id?: unknown }).id), r]));
  const results = tenant.groundTruth.map((truth) => {
    const record = records.get(truth.callId);
    const diagnosis = diagnoseCall((record ?? {}) as CallRecordInput, truth.userId);
    return { truth, diagnosis, found: record !== undefined, agrees: record !== undefined && agrees(truth, diagnosis) };
  });
  const unambiguous = results.filter((r) => !r.truth.ambiguous);
  const ambiguous = results.filter((r) => r.truth.ambiguous);

  it('when the ground truth is read then every entry names a generated record and the scenarios cover the cause codes', () => {
    expect(results.every((r) => r.found)).toBe(true);
    expect(unambiguous.length).toBeGreaterThan(100);
    expect(new Set(unambiguous.map((r) => r.truth.scenario)).size).toBeGreaterThanOrEqual(20);
  });

  it('when every unambiguous record is diagnosed from its user then verdict, top cause and side all agree', () => {
    const agreed = unambiguous.filter((r) => r.agrees).length;
    const ambiguousAgreed = ambiguous.filter((r) => r.agrees).length;
    const pct = (n: number, of: number): string => (of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(1)}%`);
    console.log(
      `seed ${seed}: agreement ${agreed}/${unambiguous.length} unambiguous (${pct(agreed, unambiguous.length)}), ` +
        `${ambiguousAgreed}/${ambiguous.length} ambiguous (${pct(ambiguousAgreed, ambiguous.length)}), ` +
        `${agreed + ambiguousAgreed}/${results.length} overall (${pct(agreed + ambiguousAgreed, results.length)})`,
    );
    const disagreements = unambiguous
      .filter((r) => !r.agrees)
      .map((r) => `${r.truth.scenario} ${r.truth.callId}: expected ${r.truth.verdict}/${r.truth.cause ?? '-'}/${r.truth.side ?? '-'}, got ${describeAnswer(r.diagnosis)}`);
    expect(disagreements).toEqual([]);
  });
});
