// failureInfo: stage callSetup means a leg never connected, midcall that it dropped. The verdict
// follows what the user went through across all their legs (see legs.ts for why):
// - setup-failed only when none of their legs connected: a failed join next to one that worked
//   (usually a retry) is ignored, and the call is judged on the legs that worked;
// - dropped whenever a leg of theirs dropped, as CQD counts it; when a later leg of theirs
//   connected, the answer says they rejoined (and picks a drop they did not recover from first).
import { confidenceOf as c } from './confidence.js';
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { Leg, LegFailure } from './legs.js';
import { failureLegs, personConnected, rejoinAfter } from './legs.js';
import type { CallView } from './model.js';
import { networkConditions } from './network.js';
import type { Thresholds } from './thresholds.js';
import type { CauseCode, Evidence } from './types.js';

export interface FailureOutcome {
  readonly verdict: 'dropped' | 'setup-failed' | null;
  /** True when the call dropped and the same person came back on a later leg. */
  readonly rejoined: boolean;
  readonly findings: readonly Finding[];
}

/** Conditions that can end or block a call on their own, per failure stage. */
const EXPLAINS: Record<'dropped' | 'setup-failed', ReadonlySet<CauseCode>> = {
  dropped: new Set(['wifi-weak-signal', 'mobile-network']),
  'setup-failed': new Set(['vpn', 'tcp-fallback']),
};

// The usual advice for a drop is to rejoin; after a rejoin that would read as if nobody had looked.
const REJOINED_ADVICE = {
  you: 'Nothing to do for this call, since you got back in; if drops repeat, note the time and ask IT to check the call in Teams Call Analytics.',
  they: 'Nothing to do for this call, since the person got back in; if drops repeat, note the time and ask IT to check the call in Teams Call Analytics.',
};

interface Chosen {
  readonly leg: Leg;
  readonly failure: LegFailure;
  readonly rejoin: Leg | null;
}

function chooseFailure(legs: readonly Leg[]): { verdict: 'dropped' | 'setup-failed'; chosen: Chosen } | null {
  const drops = legs.flatMap((leg) => leg.failures.filter((f) => f.failure.stage === 'midcall').map((failure) => ({ leg, failure, rejoin: rejoinAfter(leg, legs) })));
  const drop = drops.find((d) => d.rejoin === null) ?? drops[0];
  if (drop) return { verdict: 'dropped', chosen: drop };
  for (const leg of legs) {
    if (personConnected(leg, legs)) continue;
    const failure = leg.failures.find((f) => f.failure.stage === 'callSetup');
    if (failure) return { verdict: 'setup-failed', chosen: { leg, failure, rejoin: null } };
  }
  return null;
}

export function failureOutcome(call: CallView, thresholds: Thresholds): FailureOutcome {
  const picked = chooseFailure(failureLegs(call));
  if (!picked) return { verdict: null, rejoined: false, findings: [] };
  const { verdict, chosen } = picked;
  const { failure } = chosen.failure;
  const reason = failure.reason ? ` (reason: "${failure.reason.slice(0, 200)}")` : '';
  const facts: Evidence[] = [{ field: `${failure.path}.stage`, value: failure.stage }, ...(failure.reason ? [{ field: `${failure.path}.reason`, value: failure.reason.slice(0, 200) }] : [])];
  const findings: Finding[] = [];
  if (verdict === 'setup-failed') {
    findings.push(findingFor('media-connectivity-failed', null, { tier: 'failure', side: 'unknown', confidence: c('failure.failed'), evidence: `the call never connected${reason}`, facts, makesPoor: true }));
  } else {
    const rejoin = chosen.rejoin;
    const who = call.userFound ? ('you' as const) : ('they' as const);
    const rejoined = rejoin ? `; ${who} rejoined on a later leg` : '';
    const rejoinFacts = rejoin ? [{ field: `${rejoin.session.path}.startDateTime`, value: rejoin.session.startDateTime }] : [];
    const dropFinding = findingFor('dropped-unexpectedly', null, { tier: 'failure', side: 'unknown', confidence: c('failure.failed'), evidence: `the call dropped after it had connected${reason}${rejoined}`, facts: [...facts, ...rejoinFacts], makesPoor: true });
    findings.push(rejoin ? { ...dropFinding, advice: REJOINED_ADVICE[who] } : dropFinding);
  }
  const seen = new Set<string>();
  for (const where of chosen.failure.sides()) {
    if (where.side === 'service' || seen.has(where.endpoint.key)) continue;
    seen.add(where.endpoint.key);
    for (const condition of networkConditions(where, thresholds)) {
      if (!EXPLAINS[verdict].has(condition.code)) continue;
      findings.push(
        findingFor(condition.code, where, {
          tier: 'failureRoot',
          confidence: condition.confidence - c('failure.rootPenalty'),
          evidence: `${condition.phrase}; ${verdict === 'dropped' ? 'then the call dropped' : 'the call never connected'}`,
          facts: [...condition.facts, ...facts],
          makesPoor: true,
        }),
      );
    }
  }
  return { verdict, rejoined: chosen.rejoin !== null, findings };
}
