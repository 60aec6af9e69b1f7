// Orders findings: what explains the verdict first. A root cause (network, device, setting) ranks
// above the symptoms it explains; against everything else (another root cause, a symptom nothing
// explains) confidence decides, so a device problem does not outrank a network degradation it does
// not explain. In a meeting the asker's own legs come first and other attendees' alike causes are grouped.
import type { Finding, FindingTier } from './finding.js';
import { causeLabel } from './labels.js';
import type { Verdict } from './types.js';

// A dropped or failed call leads with what can end or block a call; a muted speaker cannot, so it follows the failure.
const ORDER_FOR_FAILURE: Record<FindingTier, number> = { failureRoot: 0, failure: 1, root: 2, symptom: 3, rating: 4, nodata: 5 };
const ORDER_FOR_POOR: Record<FindingTier, number> = { failureRoot: 0, root: 0, symptom: 1, failure: 2, rating: 3, nodata: 4 };

/** Enough for the bot, the alerts and the tab; a meeting with hundreds of legs stays a short list. */
export const MAX_CAUSES = 12;

const UNEXPLAINED = 'nothing else in the record (Wi-Fi, VPN, mobile network, device) explains it';

const STRONGER: Record<FindingTier, number> = { failureRoot: 0, root: 1, failure: 2, symptom: 3, rating: 4, nodata: 5 };

function merge(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const known = byKey.get(f.key);
    if (!known) {
      byKey.set(f.key, f);
      continue;
    }
    // The same condition found twice keeps its strongest role (a root over a symptom) and its strongest evidence.
    const role = STRONGER[f.tier] < STRONGER[known.tier] ? f : STRONGER[known.tier] < STRONGER[f.tier] ? known : f.confidence > known.confidence ? f : known;
    const explains = [...(known.explains ?? []), ...(f.explains ?? [])];
    byKey.set(f.key, { ...role, confidence: Math.max(f.confidence, known.confidence), makesPoor: f.makesPoor || known.makesPoor, ...(explains.length > 0 ? { explains } : {}) });
  }
  return [...byKey.values()];
}

/** The problems some listed root cause explains: those symptoms follow it, they do not compete with it. */
function explainedProblems(findings: readonly Finding[]): Set<unknown> {
  const explained = new Set<unknown>();
  for (const f of findings) if ((f.tier === 'root' || f.tier === 'failureRoot') && f.explains) for (const p of f.explains) explained.add(p);
  return explained;
}

interface Keyed {
  readonly finding: Finding;
  readonly framing: number;
  readonly own: number;
  readonly tier: number;
}

function byKeys(a: Keyed, b: Keyed): number {
  return a.framing - b.framing || a.own - b.own || a.tier - b.tier || b.finding.confidence - a.finding.confidence || a.finding.code.localeCompare(b.finding.code);
}

/** Other attendees with the same cause become one finding: "3 attendees ... (Ana, Ben and 1 more)". */
function group(findings: readonly Finding[]): Finding[] {
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.side !== 'other' || f.scope !== 'sending') continue;
    const list = byCode.get(`${f.code}|${f.tier}`) ?? [];
    list.push(f);
    byCode.set(`${f.code}|${f.tier}`, list);
  }
  const grouped = new Map<Finding, Finding | null>();
  for (const list of byCode.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => b.confidence - a.confidence);
    const names = sorted.map((f) => f.otherName).filter((n): n is string => n !== null);
    const named = names.length <= 2 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${list.length - 2} more`;
    const lead = sorted[0]!;
    const head: Finding = {
      ...lead,
      key: `group|${lead.code}|${lead.tier}`,
      evidence: `${list.length} attendees sent poor audio or video to the meeting because of ${causeLabel(lead.code)}${named ? ` (${named})` : ''}; for example ${lead.evidence}`,
      facts: sorted.slice(0, 3).flatMap((f) => f.facts),
      otherName: `the ${list.length} attendees concerned`,
      group: list.length,
      explains: sorted.flatMap((f) => f.explains ?? []),
    };
    sorted.forEach((f, i) => grouped.set(f, i === 0 ? head : null));
  }
  return findings.flatMap((f) => {
    if (!grouped.has(f)) return [f];
    const replacement = grouped.get(f);
    return replacement ? [replacement] : [];
  });
}

export interface RankOptions {
  /** A meeting: the asker's own side first, other attendees grouped. */
  readonly meeting?: boolean;
}

export function rankFindings(findings: readonly Finding[], verdict: Verdict, options: RankOptions = {}): Finding[] {
  const order = verdict === 'dropped' || verdict === 'setup-failed' ? ORDER_FOR_FAILURE : ORDER_FOR_POOR;
  const merged = merge(findings);
  const explained = explainedProblems(merged);
  const failed = order === ORDER_FOR_FAILURE;
  const keyed: Keyed[] = (options.meeting ? group(merged) : merged).map((f) => ({
    finding: f,
    // A failure frames a dropped or failed call before anything else, own side or not.
    framing: failed ? Math.min(order[f.tier], 2) : 0,
    // The asker's own legs: their side, or a stream they sent or received.
    own: !options.meeting || f.side === 'you' || (f.problem?.stream != null && f.problem.stream.relative !== 'other') ? 0 : 1,
    // Root causes and the symptoms nothing explains compete on confidence; an explained symptom follows.
    tier: f.tier === 'symptom' && f.problem && !explained.has(f.problem) ? order.root : order[f.tier],
  }));
  const ranked = keyed.sort(byKeys).slice(0, MAX_CAUSES).map((k) => k.finding);
  const top = ranked[0];
  if (top && top.tier === 'symptom' && !(top.problem && explained.has(top.problem))) ranked[0] = { ...top, evidence: `${top.evidence}; ${UNEXPLAINED}` };
  return ranked;
}
