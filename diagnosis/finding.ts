// A candidate cause before ranking. Detectors produce these; rank.ts orders and merges them.
import { adviceFor, adviceContextOf } from './advice.js';
import type { AdviceContext } from './advice.js';
import type { SideView } from './model.js';
import type { Problem } from './symptoms.js';
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
  /** The facts of the side the finding is about, so the advice fits it (no "use a cable" on a cable). */
  readonly context: AdviceContext;
  /** The scope of the side it is on: another attendee's leg in a meeting is 'sending'. */
  readonly scope: SideView['scope'] | null;
  /** Root causes: the stream problems they explain. Symptoms: the problem they are. */
  readonly explains?: readonly Problem[];
  readonly problem?: Problem;
  /** How many attendees a grouped finding stands for. */
  readonly group?: number;
}

export function findingFor(
  code: CauseCode,
  where: SideView | null,
  fields: { tier: FindingTier; confidence: number; evidence: string; facts: readonly Evidence[]; makesPoor: boolean; side?: Side; explains?: readonly Problem[]; problem?: Problem },
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
    context: adviceContextOf(where, side),
    scope: where?.scope ?? null,
    ...(fields.explains ? { explains: fields.explains } : {}),
    ...(fields.problem ? { problem: fields.problem } : {}),
  };
}

export function toCause(finding: Finding): Cause {
  return {
    code: finding.code,
    side: finding.side,
    confidence: Math.round(Math.min(1, Math.max(0, finding.confidence)) * 100) / 100,
    evidence: finding.evidence,
    advice: finding.advice ?? adviceFor(finding.code, finding.side, finding.otherName, finding.context),
    facts: finding.facts,
  };
}
