// failureInfo: stage callSetup means the call never connected, midcall that it dropped. Only the
// user's own legs decide their verdict: someone else dropping out of a meeting is not their drop.
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { CallView, FailureView, SideView } from './model.js';
import { networkConditions } from './network.js';
import type { Thresholds } from './thresholds.js';
import type { CauseCode } from './types.js';

export interface FailureOutcome {
  readonly verdict: 'dropped' | 'setup-failed' | null;
  readonly findings: readonly Finding[];
}

/** Conditions that can end or block a call on their own, per failure stage. */
const EXPLAINS: Record<'dropped' | 'setup-failed', ReadonlySet<CauseCode>> = {
  dropped: new Set(['wifi-weak-signal', 'mobile-network']),
  'setup-failed': new Set(['vpn', 'tcp-fallback']),
};

export function failureOutcome(call: CallView, thresholds: Thresholds): FailureOutcome {
  const failures: { failure: FailureView; legSides: () => SideView[] }[] = [];
  for (const session of call.sessions) {
    if (call.userFound && !session.involvesUser) continue;
    if (session.failure) failures.push({ failure: session.failure, legSides: () => session.segments.flatMap((seg) => seg.media.flatMap((m) => [m.caller, m.callee])) });
    for (const segment of session.segments) {
      if (segment.failure) failures.push({ failure: segment.failure, legSides: () => segment.media.flatMap((m) => [m.caller, m.callee]) });
    }
  }
  const dropped = failures.find((f) => f.failure.stage === 'midcall');
  const setup = failures.find((f) => f.failure.stage === 'callSetup');
  const chosen = dropped ?? setup;
  if (!chosen) return { verdict: null, findings: [] };
  const verdict = dropped ? 'dropped' : 'setup-failed';
  const { failure } = chosen;
  const reason = failure.reason ? ` (reason: "${failure.reason.slice(0, 200)}")` : '';
  const facts = [{ field: `${failure.path}.stage`, value: dropped ? 'midcall' : 'callSetup' }, ...(failure.reason ? [{ field: `${failure.path}.reason`, value: failure.reason.slice(0, 200) }] : [])];
  const findings: Finding[] = [
    verdict === 'dropped'
      ? findingFor('dropped-unexpectedly', null, { tier: 'failure', side: 'unknown', confidence: 0.7, evidence: `the call dropped after it had connected${reason}`, facts, makesPoor: true })
      : findingFor('media-connectivity-failed', null, { tier: 'failure', side: 'unknown', confidence: 0.7, evidence: `the call never connected${reason}`, facts, makesPoor: true }),
  ];
  const seen = new Set<string>();
  for (const where of chosen.legSides()) {
    if (where.side === 'service' || seen.has(where.endpoint.key)) continue;
    seen.add(where.endpoint.key);
    for (const condition of networkConditions(where, thresholds)) {
      if (!EXPLAINS[verdict].has(condition.code)) continue;
      findings.push(
        findingFor(condition.code, where, {
          tier: 'failureRoot',
          confidence: condition.confidence - 0.1,
          evidence: `${condition.phrase}; ${verdict === 'dropped' ? 'then the call dropped' : 'the call never connected'}`,
          facts: [...condition.facts, ...facts],
          makesPoor: true,
        }),
      );
    }
  }
  return { verdict, findings };
}
