// Network root causes: a condition on one side's networkInfo (weak Wi-Fi, 2.4 GHz, VPN, TCP,
// mobile, low bandwidth, congestion) that explains a stream problem. The loss is heard by the
// receiver but made on the sender's network, so the sender's side explains a problem first.
// Conditions the endpoint itself measured as harmful (Graph's *EventRatio fields) stand alone.
import { confidenceOf as c } from './confidence.js';
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { CallView, SideView } from './model.js';
import { enumValue, num } from './read.js';
import type { Problem } from './symptoms.js';
import { breachesKey } from './thresholds.js';
import type { Thresholds } from './thresholds.js';
import type { CauseCode, Evidence } from './types.js';
import { percent, possessive, subject } from './wording.js';

export interface NetworkCondition {
  readonly code: CauseCode;
  readonly where: SideView;
  readonly phrase: string;
  readonly facts: readonly Evidence[];
  readonly confidence: number;
  /** Which streams of this side it can explain; most conditions hurt both directions. */
  readonly explains?: 'sent' | 'received';
  /** The endpoint itself measured that this hurt the call: a finding even with no poor stream. */
  readonly selfEvident?: boolean;
}

const BAND_24 = new Set(['frequency24ghz']);

export function networkConditions(where: SideView, thresholds: Thresholds): NetworkCondition[] {
  const net = where.network;
  if (!net) return [];
  const out: NetworkCondition[] = [];
  const p = possessive(where);
  const path = where.networkPath;
  const type = enumValue(net.connectionType);
  const band = enumValue(net.wifiBand);
  const signal = num(net.wifiSignalStrength);
  const on24 = type === 'wifi' && band !== null && BAND_24.has(band);
  const bandFact: Evidence[] = on24 ? [{ field: `${path}.wifiBand`, value: String(net.wifiBand) }] : [];
  if (type === 'wifi' && signal !== null && breachesKey(signal, 'network.wifiSignalPercent', thresholds)) {
    out.push({
      code: 'wifi-weak-signal',
      where,
      phrase: `${p} Wi-Fi signal was ${Math.round(signal)}%${on24 ? ' on 2.4 GHz' : ''}`,
      facts: [{ field: `${path}.wifiSignalStrength`, value: signal, threshold: thresholds['network.wifiSignalPercent'] }, ...bandFact],
      confidence: c('network.wifiWeakSignal'),
    });
  }
  if (on24) {
    out.push({ code: 'wifi-2.4ghz', where, phrase: `${p} Wi-Fi used the crowded 2.4 GHz band`, facts: bandFact, confidence: c('network.wifi24') });
  }
  if (type === 'tunnel') {
    out.push({ code: 'vpn', where, phrase: `${p} media went through a VPN tunnel`, facts: [{ field: `${path}.connectionType`, value: 'tunnel' }], confidence: c('network.vpn') });
  }
  if (enumValue(net.networkTransportProtocol) === 'tcp') {
    out.push({ code: 'tcp-fallback', where, phrase: `${p} media fell back to TCP instead of UDP`, facts: [{ field: `${path}.networkTransportProtocol`, value: 'tcp' }], confidence: c('network.tcp') });
  }
  if (type === 'mobile') {
    out.push({ code: 'mobile-network', where, phrase: `${p} device was on a mobile network`, facts: [{ field: `${path}.connectionType`, value: 'mobile' }], confidence: c('network.mobile') });
  }
  const lowRatio = num(net.bandwidthLowEventRatio);
  if (lowRatio !== null && breachesKey(lowRatio, 'network.bandwidthLowRatio', thresholds)) {
    out.push({
      code: 'low-bandwidth',
      where,
      phrase: `${p} network was short of bandwidth for ${percent(lowRatio)} of the call`,
      facts: [{ field: `${path}.bandwidthLowEventRatio`, value: lowRatio, threshold: thresholds['network.bandwidthLowRatio'] }],
      confidence: c('network.bandwidthLow'),
      selfEvident: true,
    });
  }
  // Graph's own verdict that the network hurt the audio this side sent. The received flag is not
  // read here: it mirrors the sender's problem (receivedFlagProblems), not the receiver's network.
  const sent = num(net.sentQualityEventRatio);
  if (sent !== null && breachesKey(sent, 'network.qualityEventRatio', thresholds)) {
    out.push({
      code: 'congested-network',
      where,
      phrase: `${p} network degraded outgoing audio for ${percent(sent)} of the call`,
      facts: [{ field: `${path}.sentQualityEventRatio`, value: sent, threshold: thresholds['network.qualityEventRatio'] }],
      // A congested network hurts both directions; what it sent is what it measured.
      confidence: c('network.congested'),
      selfEvident: true,
    });
  }
  return out;
}

/**
 * A receiver's receivedQualityEventRatio says the audio it got was degraded; in real records it
 * mirrors the sender's sentQualityEventRatio for the same stream. So it is evidence about the
 * stream's sender (whose conditions explain it first), not a condition of the receiver's network.
 */
export function receivedFlagProblems(call: CallView, thresholds: Thresholds): Problem[] {
  const out: Problem[] = [];
  const limit = thresholds['network.qualityEventRatio'];
  const flagged = (side: SideView): boolean => {
    const value = side.network ? num(side.network.receivedQualityEventRatio) : null;
    return value !== null && value >= limit;
  };
  for (const media of call.media) {
    // Most lines carry no flag: look before building anything.
    if (!flagged(media.caller) && !flagged(media.callee)) continue;
    for (const [receiver, sender, direction] of [[media.caller, media.callee, 'calleeToCaller'], [media.callee, media.caller, 'callerToCallee']] as const) {
      const value = receiver.network ? num(receiver.network.receivedQualityEventRatio) : null;
      if (value === null || !breachesKey(value, 'network.qualityEventRatio', thresholds)) continue;
      const stream = media.streams.find((s) => s.direction === direction && (s.kind === 'audio' || s.kind === 'unknown')) ?? null;
      if (stream ? !stream.relevant : receiver.scope !== 'full') continue;
      out.push({
        kind: 'loss',
        code: 'congested-network',
        phrase: `${possessive(receiver)} device flagged the audio ${subject(sender)} sent as degraded by the network for ${percent(value)} of the call`,
        facts: [{ field: `${receiver.networkPath}.receivedQualityEventRatio`, value, threshold: thresholds['network.qualityEventRatio'] }],
        severity: value / thresholds['network.qualityEventRatio'],
        origin: sender,
        receiver,
        stream,
        makesPoor: true,
      });
    }
  }
  return out;
}

/** Low bandwidth also shows as a small bandwidth estimate on the stream the side sent. */
function bandwidthEstimateCondition(problem: Problem, thresholds: Thresholds): NetworkCondition | null {
  const sender = problem.origin;
  const estimate = problem.stream ? num(problem.stream.stream.averageBandwidthEstimate) : null;
  // A phone line runs at its codec's rate (64 kbps for G.711): that is no shortage of bandwidth.
  if (!sender || sender.side === 'service' || sender.endpoint.phone || estimate === null || !breachesKey(estimate, 'network.bandwidthEstimateBps', thresholds)) return null;
  return {
    code: 'low-bandwidth',
    where: sender,
    phrase: `${possessive(sender)} available bandwidth averaged ${Math.round(estimate / 1000)} kbps`,
    facts: [{ field: `${problem.stream!.path}.averageBandwidthEstimate`, value: estimate, threshold: thresholds['network.bandwidthEstimateBps'] }],
    confidence: c('network.bandwidthEstimate'),
  };
}

/** How strongly a condition on the sender / receiver explains each kind of problem. */
const LATENCY_CODES = new Set<CauseCode>(['vpn', 'tcp-fallback', 'mobile-network']);
function weight(condition: NetworkCondition, problem: Problem, onSender: boolean): number {
  if (problem.kind === 'latency') return LATENCY_CODES.has(condition.code) ? 1 : c('network.latencyOtherWeight');
  return onSender ? 1 : c('network.receiverWeight');
}

/** Root-cause findings: every condition that explains at least one problem, with both in the evidence. */
export function networkFindings(call: CallView, problems: readonly Problem[], thresholds: Thresholds): Finding[] {
  const byKey = new Map<string, { condition: NetworkCondition; problems: Problem[]; score: number }>();
  const cache = new Map<SideView, NetworkCondition[]>();
  const conditionsAt = (side: SideView | null): NetworkCondition[] => {
    if (!side || side.side === 'service') return [];
    let found = cache.get(side);
    if (!found) cache.set(side, (found = networkConditions(side, thresholds)));
    return found;
  };
  for (const problem of problems) {
    const sender = problem.origin;
    const receiver = problem.receiver;
    const estimate = bandwidthEstimateCondition(problem, thresholds);
    const candidates: [NetworkCondition, boolean][] = [
      ...conditionsAt(sender).map((c): [NetworkCondition, boolean] => [c, true]),
      ...(estimate ? [[estimate, true] as [NetworkCondition, boolean]] : []),
      ...conditionsAt(receiver).map((c): [NetworkCondition, boolean] => [c, false]),
    ];
    for (const [condition, onSender] of candidates) {
      if (condition.explains && (condition.explains === 'sent') !== onSender) continue;
      const key = `${condition.code}|${condition.where.side}|${condition.where.endpoint.key}`;
      const score = condition.confidence * weight(condition, problem, onSender);
      const entry = byKey.get(key);
      if (!entry) byKey.set(key, { condition, problems: [problem], score });
      else {
        if (!entry.problems.includes(problem)) entry.problems.push(problem);
        entry.score = Math.max(entry.score, score);
      }
    }
  }
  // Conditions the endpoint measured as harmful count even when no stream crossed a CQD threshold.
  for (const media of call.media) {
    for (const where of [media.caller, media.callee]) {
      if (where.scope === 'none') continue;
      for (const condition of conditionsAt(where)) {
        if (!condition.selfEvident || (where.scope === 'sending' && condition.explains === 'received')) continue;
        const key = `${condition.code}|${condition.where.side}|${condition.where.endpoint.key}`;
        if (!byKey.has(key)) byKey.set(key, { condition, problems: [], score: condition.confidence });
      }
    }
  }
  const poorProblems = problems.filter((p) => p.makesPoor).length;
  return [...byKey.values()].map(({ condition, problems: explained, score }) => {
    const shown = [...explained].sort((a, b) => b.severity - a.severity).slice(0, 2);
    // Confidence: the condition's own strength, how far past its limit the worst problem it explains
    // went, and how much of the call's degradation it accounts for.
    const worst = shown[0]?.severity ?? 1;
    const share = poorProblems === 0 ? 0 : explained.filter((p) => p.makesPoor).length / poorProblems;
    return findingFor(condition.code, condition.where, {
      tier: 'root',
      explains: explained,
      confidence: Math.min(0.95, score + 0.03 * Math.min(3, Math.max(0, explained.length - 1)) + 0.02 * Math.min(2, Math.max(0, worst - 1)) + 0.04 * share),
      evidence: [condition.phrase, ...shown.map((p) => p.phrase)].join('; '),
      facts: [...condition.facts, ...shown.flatMap((p) => p.facts)],
      makesPoor: condition.selfEvident === true || explained.some((p) => p.makesPoor),
    });
  });
}
