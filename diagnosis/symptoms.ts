// Symptoms: what a poor stream shows (loss, jitter, latency, video trouble), and the network
// delay an endpoint reported. They rank below the root causes that explain them, which
// network.ts links to the same problems.
import type { MetricReading, StreamAssessment } from './classify.js';
import { confidenceOf as c } from './confidence.js';
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { CallView, SideView, StreamView } from './model.js';
import { durationMs } from './duration.js';
import { num } from './read.js';
import { breachesKey } from './thresholds.js';
import type { Thresholds } from './thresholds.js';
import type { CauseCode, Evidence, Side } from './types.js';
import { ms, packetsPhrase, percent, possessive, streamPhrase } from './wording.js';

export type ProblemKind = 'loss' | 'jitter' | 'latency' | 'video';

/** One thing wrong, phrased for evidence sentences. */
export interface Problem {
  readonly kind: ProblemKind;
  readonly code: CauseCode;
  readonly phrase: string;
  readonly facts: readonly Evidence[];
  /** How far past the threshold (1 = at it), to weigh confidence. */
  readonly severity: number;
  /** Where the problem was made: the stream's sender, or the side that reported it. */
  readonly origin: SideView | null;
  /** The stream's receiver; null for problems a side reported about itself. */
  readonly receiver: SideView | null;
  /** The stream the problem was seen on, when there is one. */
  readonly stream: StreamView | null;
  readonly makesPoor: boolean;
}

function fact(a: StreamAssessment, m: MetricReading): Evidence {
  return { field: `${a.view.path}.${m.name}`, value: m.value, ...(m.threshold !== null ? { threshold: m.threshold } : {}) };
}

function severity(m: MetricReading): number {
  if (m.value === null || m.threshold === null || m.threshold === 0) return 1;
  return m.name === 'averageVideoFrameRate' ? m.threshold / Math.max(m.value, 0.1) : m.value / m.threshold;
}

function problem(a: StreamAssessment, kind: ProblemKind, code: CauseCode, phrase: string, m: MetricReading): Problem {
  return { kind, code, phrase, facts: [fact(a, m)], severity: severity(m), origin: a.view.sender, receiver: a.view.receiver, stream: a.view, makesPoor: a.classification === 'poor' };
}

function audioProblems(a: StreamAssessment): Problem[] {
  const poor = new Map(a.poorMetrics.map((m) => [m.name, m]));
  const all = new Map(a.metrics.map((m) => [m.name, m]));
  const out: Problem[] = [];
  const loss = poor.get('averagePacketLossRate');
  const jitter = poor.get('averageJitter');
  const rtt = poor.get('averageRoundTripTime');
  if (loss?.value != null) out.push(problem(a, 'loss', 'packet-loss', `${percent(loss.value)} of ${packetsPhrase(a.view)} were lost`, loss));
  if (jitter?.value != null) out.push(problem(a, 'jitter', 'jitter', `jitter on ${streamPhrase(a.view)} averaged ${ms(jitter.value)}`, jitter));
  if (rtt?.value != null) out.push(problem(a, 'latency', 'high-latency', `the round trip for ${streamPhrase(a.view)} averaged ${ms(rtt.value)}`, rtt));
  if (!loss && !jitter) {
    // Degradation and concealment are effects, not causes: say the audio was degraded and cite what
    // was measured. The code follows the network metric closest to its limit, the network jitter
    // buffer's own figure (averageAudioNetworkJitter) included.
    const effect = poor.get('averageAudioDegradation') ?? poor.get('averageRatioOfConcealedSamples');
    if (effect?.value != null) {
      const networkJitter = durationMs(a.view.stream.averageAudioNetworkJitter);
      const ratio = (name: string): number => (all.get(name)?.value != null ? severity(all.get(name)!) : 0);
      const jitterRatio = Math.max(ratio('averageJitter'), networkJitter !== null && all.get('averageJitter')?.threshold ? networkJitter / all.get('averageJitter')!.threshold! : 0);
      const isJitter = jitterRatio > ratio('averagePacketLossRate');
      const measured = [
        all.get('averagePacketLossRate')?.value != null ? `packet loss ${percent(all.get('averagePacketLossRate')!.value!)}` : null,
        all.get('averageJitter')?.value != null ? `jitter ${ms(all.get('averageJitter')!.value!)}` : null,
        networkJitter !== null ? `network jitter ${ms(networkJitter)}` : null,
      ].filter((x): x is string => x !== null);
      const what =
        effect.name === 'averageAudioDegradation'
          ? `${streamPhrase(a.view)} was degraded: network problems cost it ${effect.value.toFixed(1)} MOS points`
          : `${streamPhrase(a.view)} was degraded: ${percent(effect.value)} of it had to be concealed`;
      const cite = measured.length > 0 ? `; the measured ${measured.join(' and ')} stayed under their limits` : '; no loss or jitter figure was measured';
      const p = problem(a, isJitter ? 'jitter' : 'loss', isJitter ? 'jitter' : 'packet-loss', `${what}${cite}`, effect);
      const extra: Evidence[] = networkJitter !== null ? [{ field: `${a.view.path}.averageAudioNetworkJitter`, value: networkJitter }] : [];
      out.push({ ...p, facts: [...p.facts, ...extra] });
    }
  }
  return out;
}

const VIDEO_CODES: Record<string, CauseCode> = {
  averageVideoFrameLossPercentage: 'video-frame-loss',
  averageVideoFrameRate: 'video-low-frame-rate',
  postForwardErrorCorrectionPacketLossRate: 'packet-loss',
};

function videoProblems(a: StreamAssessment, thresholds: Thresholds): Problem[] {
  const out: Problem[] = [];
  for (const m of a.poorMetrics) {
    if (m.value === null) continue;
    const phrase =
      m.name === 'averageVideoFrameLossPercentage'
        ? `${Math.round(m.value)}% of the frames of ${streamPhrase(a.view)} were lost`
        : m.name === 'averageVideoFrameRate'
          ? `${streamPhrase(a.view)} ran at ${m.value.toFixed(1)} frames per second`
          : `${percent(m.value)} of ${packetsPhrase(a.view)} were lost even after error correction`;
    out.push(problem(a, 'video', VIDEO_CODES[m.name] ?? 'packet-loss', phrase, m));
  }
  const freeze = a.metrics.find((m) => m.name === 'averageFreezeDuration');
  const ladder = a.metrics.find((m) => m.value !== null && m.threshold !== null && m.name !== 'averageFreezeDuration');
  const ladderSaid = ladder ? ` (CQD's ladder rated the stream ${a.classification} on its ${ladderPhrase(ladder)})` : '';
  if (freeze?.value != null && freeze.value > thresholds['video.freezeMs'] && a.classification !== 'unclassified') {
    const p = problem(a, 'video', 'video-freezes', `${streamPhrase(a.view)} froze for ${(freeze.value / 1000).toFixed(1)} s on average${a.classification === 'good' ? ladderSaid : ''}`, freeze);
    out.push({ ...p, makesPoor: true });
  }
  // Graph's experience ratios: CQD's ladder lets the first metric present decide, so 9% frame loss
  // classes a stream good even when it ran at 4 fps for most of the call. The stream keeps its CQD
  // class (the tab colours by it); the call's verdict and causes also read what Graph measured.
  const lowFrameRate = num(a.view.stream.lowFrameRateRatio);
  if (a.classification !== 'unclassified' && lowFrameRate !== null && breachesKey(lowFrameRate, 'video.lowFrameRateRatio', thresholds) && !out.some((p) => p.code === 'video-low-frame-rate')) {
    out.push({
      kind: 'video',
      code: 'video-low-frame-rate',
      phrase: `${streamPhrase(a.view)} ran below 7.5 frames per second for ${percent(lowFrameRate)} of the call (Graph's lowFrameRateRatio)${a.classification === 'good' ? ladderSaid : ''}`,
      facts: [{ field: `${a.view.path}.lowFrameRateRatio`, value: lowFrameRate, threshold: thresholds['video.lowFrameRateRatio'] }],
      severity: lowFrameRate / thresholds['video.lowFrameRateRatio'],
      origin: a.view.sender,
      receiver: a.view.receiver,
      stream: a.view,
      makesPoor: true,
    });
  }
  return out;
}

function ladderPhrase(m: MetricReading): string {
  if (m.name === 'averageVideoFrameLossPercentage') return `${Math.round(m.value ?? 0)}% frame loss`;
  if (m.name === 'averageVideoFrameRate') return `${(m.value ?? 0).toFixed(1)} fps average`;
  return `${percent(m.value ?? 0)} loss after error correction`;
}

export function streamProblems(a: StreamAssessment, thresholds: Thresholds): Problem[] {
  if (!a.view.relevant) return [];
  if (a.view.kind === 'audio') return a.classification === 'poor' ? audioProblems(a) : [];
  if (a.view.kind === 'video' || a.view.kind === 'screenSharing') return videoProblems(a, thresholds);
  return [];
}

function delayRatio(side: SideView | null): number | null {
  return side?.network ? num(side.network.delayEventRatio) : null;
}

/** Sides that reported delay bad enough to disrupt conversation (networkInfo.delayEventRatio). */
export function delayProblems(call: CallView, thresholds: Thresholds): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const media of call.media) {
    for (const where of [media.caller, media.callee]) {
      const ratio = delayRatio(where);
      if (where.scope === 'none' || ratio === null || !breachesKey(ratio, 'network.delayRatio', thresholds)) continue;
      if (seen.has(where.endpoint.key)) continue;
      seen.add(where.endpoint.key);
      out.push({
        kind: 'latency',
        code: 'high-latency',
        phrase: `${possessive(where)} network delay was high enough to disrupt the conversation for ${percent(ratio)} of the call`,
        facts: [{ field: `${where.networkPath}.delayEventRatio`, value: ratio, threshold: thresholds['network.delayRatio'] }],
        severity: ratio / thresholds['network.delayRatio'],
        origin: where,
        receiver: null,
        stream: null,
        makesPoor: true,
      });
    }
  }
  return out;
}

/** Round trip is shared by both directions: blame the side that reported the delay, if only one did. */
function latencyOrigin(p: Problem, thresholds: Thresholds): SideView | null {
  if (!p.receiver) return p.origin;
  const delayed = [p.origin, p.receiver].filter((s) => {
    const r = delayRatio(s);
    return r !== null && breachesKey(r, 'network.delayRatio', thresholds);
  });
  return delayed.length === 1 ? delayed[0]! : null;
}

/** A problem between two Microsoft servers is Microsoft's; a server's stream to a person is on no one side. */
function symptomSide(where: SideView | null, p: Problem): Side {
  if (p.stream?.betweenServices) return 'service';
  if (!where || where.side === 'service') return 'unknown';
  return where.side;
}

const mediaLineOf = (p: Problem): string | null => (p.stream ? p.stream.path.slice(0, p.stream.path.lastIndexOf('.streams[')) : null);

/**
 * When both directions of one media line show the same symptom, one network is usually behind
 * both: the side whose own outgoing stream suffered more.
 */
function sharedOrigins(problems: readonly Problem[]): Map<Problem, SideView | null> {
  const worst = new Map<string, Problem>();
  for (const p of problems) {
    const line = mediaLineOf(p);
    if (line === null || p.kind === 'latency') continue;
    const key = `${line}|${p.code}`;
    const known = worst.get(key);
    if (!known || p.severity > known.severity) worst.set(key, p);
  }
  const origins = new Map<Problem, SideView | null>();
  for (const p of problems) {
    const line = mediaLineOf(p);
    const top = line === null ? undefined : worst.get(`${line}|${p.code}`);
    origins.set(p, top && top.origin?.scope === 'full' && p.origin?.scope === 'full' ? top.origin : p.origin);
  }
  return origins;
}

export function symptomFindings(problems: readonly Problem[], thresholds: Thresholds): Finding[] {
  const origins = sharedOrigins(problems);
  return problems.map((p) => {
    const where = p.kind === 'latency' ? latencyOrigin(p, thresholds) : (origins.get(p) ?? p.origin);
    return findingFor(p.code, where, {
      tier: 'symptom',
      side: symptomSide(where, p),
      confidence: Math.min(c('symptom.max'), c('symptom.base') + 0.1 * Math.min(2.5, p.severity - 0.5)),
      evidence: p.phrase,
      facts: p.facts,
      makesPoor: p.makesPoor,
      problem: p,
    });
  });
}
