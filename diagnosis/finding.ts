// A candidate cause before ranking. Detectors produce these; rank.ts orders and merges them.
import { adviceFor } from './advice.js';
import type { SideView } from './model.js';
import type { Cause, CauseCode, Evidence, Side } from './types.js';

/**
 * Root causes explain symptoms and outrank them; failures and ratings frame the verdict.
 * 'failureRoot' is a condition that can itself end or block a call (weak Wi-Fi before a drop).
 */
export type FindingTier = 'failureRoot' | 'root' | 'symptom' | 'failure' | 'rating' | 'nodata';

export interface Finding {
  readonly code: CauseCode;
  readonly side: Side;
  readonly tier: FindingTier;
  readonly confidence: number;
  readonly evidence: string;
  readonly facts: readonly Evidence[];
  /** Same code on the same endpoint found on several segments merges into one cause. */
  readonly key: string;
  /** Name of the other person for advice ("Ask Alex to ..."). */
  readonly otherName: string | null;
  /** True when this finding on its own makes the call poor for the user. */
  readonly makesPoor: boolean;
  /** Replaces the cause's usual advice when the record already shows it was followed (a rejoin after a drop). */
  readonly advice?: string;
}

export function findingFor(
  code: CauseCode,
  where: SideView | null,
  fields: { tier: FindingTier; confidence: number; evidence: string; facts: readonly Evidence[]; makesPoor: boolean; side?: Side },
): Finding {
  const side = fields.side ?? where?.side ?? 'unknown';
  return {
    code,
    side,
    tier: fields.tier,
    confidence: fields.confidence,
    evidence: fields.evidence,
    facts: fields.facts,
    key: `${code}|${side}|${where?.endpoint.key ?? ''}`,
    otherName: side === 'other' ? (where?.endpoint.displayName ?? null) : null,
    makesPoor: fields.makesPoor,
  };
}

export function toCause(finding: Finding): Cause {
  return {
    code: finding.code,
    side: finding.side,
    confidence: Math.round(Math.min(1, Math.max(0, finding.confidence)) * 100) / 100,
    evidence: finding.evidence,
    advice: finding.advice ?? adviceFor(finding.code, finding.side, finding.otherName),
    facts: finding.facts,
  };
}
