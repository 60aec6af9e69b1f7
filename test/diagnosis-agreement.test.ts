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

/** The notes the ground truth asks for are there; a good call without them carries no spike note. */
function notesAgree(truth: GroundTruth, d: Diagnosis): boolean {
  const codes = new Set((d.notes ?? []).map((n) => n.code));
  if (!(truth.notes ?? []).every((code) => codes.has(code as never))) return false;
  return truth.verdict !== 'good' || (truth.notes ?? []).includes('brief-spike') || !codes.has('brief-spike');
}

function agrees(truth: GroundTruth, d: Diagnosis): boolean {
  if (d.verdict !== truth.verdict || !notesAgree(truth, d)) return false;
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
    // The situations real tenants have (issue 10) are in every seed's mix.
    for (const scenario of ['service-fault', 'phone-carrier-leg', 'brief-spike', 'midcall-drop-wifi']) expect(unambiguous.some((r) => r.truth.scenario === scenario), scenario).toBe(true);
  });

  it("when Microsoft's side, the carrier's leg and brief spikes are diagnosed then they read as such", () => {
    const of = (scenario: string) => unambiguous.filter((r) => r.truth.scenario === scenario).map((r) => r.diagnosis);
    expect(of('service-fault').every((d) => d.causes[0]?.side === 'service' && /inside Microsoft's network/.test(d.summary))).toBe(true);
    expect(of('phone-carrier-leg').every((d) => /phone network/.test(d.causes[0]?.advice ?? ''))).toBe(true);
    expect(of('brief-spike').every((d) => d.causes.length === 0 && d.notes?.some((n) => n.code === 'brief-spike'))).toBe(true);
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
      .map((r) => `${r.truth.scenario} ${r.truth.callId}: expected ${r.truth.verdict}/${r.truth.cause ?? '-'}/${r.truth.side ?? '-'}${r.truth.notes ? ` +${r.truth.notes.join(',')}` : ''}, got ${describeAnswer(r.diagnosis)} notes ${(r.diagnosis.notes ?? []).map((n) => n.code).join(',') || '-'}`);
    expect(disagreements).toEqual([]);
  });
});
