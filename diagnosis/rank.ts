// Orders findings: what explains the verdict first. Root causes (network, device, settings) rank
// above the symptoms they explain; a symptom leads only when nothing explains it, and says so.
import type { Finding, FindingTier } from './finding.js';
import type { Verdict } from './types.js';

// A dropped or failed call leads with what can end or block a call; a muted speaker cannot, so it follows the failure.
const ORDER_FOR_FAILURE: Record<FindingTier, number> = { failureRoot: 0, failure: 1, root: 2, symptom: 3, rating: 4, nodata: 5 };
const ORDER_FOR_POOR: Record<FindingTier, number> = { failureRoot: 0, root: 0, symptom: 1, failure: 2, rating: 3, nodata: 4 };

/** Enough for the bot, the alerts and the tab; a meeting with hundreds of legs stays a short list. */
export const MAX_CAUSES = 12;

const UNEXPLAINED = 'nothing else in the record (Wi-Fi, VPN, mobile network, device) explains it';

function merge(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const known = byKey.get(f.key);
    if (!known) {
      byKey.set(f.key, f);
      continue;
    }
    const best = f.confidence > known.confidence ? f : known;
    // The same condition found twice keeps its strongest evidence and its strongest role.
    const tier = f.tier === 'failureRoot' || known.tier === 'failureRoot' ? 'failureRoot' : best.tier;
    byKey.set(f.key, { ...best, tier, makesPoor: f.makesPoor || known.makesPoor });
  }
  return [...byKey.values()];
}

export function rankFindings(findings: readonly Finding[], verdict: Verdict): Finding[] {
  const order = verdict === 'dropped' || verdict === 'setup-failed' ? ORDER_FOR_FAILURE : ORDER_FOR_POOR;
  const ranked = merge(findings)
    .sort((a, b) => order[a.tier] - order[b.tier] || b.confidence - a.confidence || a.code.localeCompare(b.code))
    .slice(0, MAX_CAUSES);
  const top = ranked[0];
  if (top && top.tier === 'symptom') ranked[0] = { ...top, evidence: `${top.evidence}; ${UNEXPLAINED}` };
  return ranked;
}
