// Symptoms: what a poor stream shows (loss, jitter, latency, video trouble). They rank below the
// root causes that explain them, which network.ts links to the same problems.
import type { MetricReading, StreamAssessment } from './classify.js';
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { Thresholds } from './thresholds.js';
import type { CauseCode, Evidence } from './types.js';
import { ms, packetsPhrase, percent, streamPhrase } from './wording.js';

export type ProblemKind = 'loss' | 'jitter' | 'latency' | 'video';

/** One thing wrong with one stream, phrased for evidence sentences. */
export interface StreamProblem {
  readonly assessment: StreamAssessment;
  readonly kind: ProblemKind;
  readonly code: CauseCode;
  readonly phrase: string;
  readonly facts: readonly Evidence[];
  /** How far past the threshold (1 = at it), to weigh confidence. */
  readonly severity: number;
}

function fact(a: StreamAssessment, m: MetricReading): Evidence {
  return { field: `${a.view.path}.${m.name}`, value: m.value, ...(m.threshold !== null ? { threshold: m.threshold } : {}) };
}

function severity(m: MetricReading): number {
  if (m.value === null || m.threshold === null || m.threshold === 0) return 1;
  return m.name === 'averageVideoFrameRate' ? m.threshold / Math.max(m.value, 0.1) : m.value / m.threshold;
}

function audioProblems(a: StreamAssessment): StreamProblem[] {
  const byName = new Map(a.poorMetrics.map((m) => [m.name, m]));
  const all = new Map(a.metrics.map((m) => [m.name, m]));
  const out: StreamProblem[] = [];
  const loss = byName.get('averagePacketLossRate');
  const jitter = byName.get('averageJitter');
  const rtt = byName.get('averageRoundTripTime');
  if (loss?.value != null) out.push({ assessment: a, kind: 'loss', code: 'packet-loss', phrase: `${percent(loss.value)} of ${packetsPhrase(a.view)} were lost`, facts: [fact(a, loss)], severity: severity(loss) });
  if (jitter?.value != null) out.push({ assessment: a, kind: 'jitter', code: 'jitter', phrase: `jitter on ${streamPhrase(a.view)} averaged ${ms(jitter.value)}`, facts: [fact(a, jitter)], severity: severity(jitter) });
  if (rtt?.value != null) out.push({ assessment: a, kind: 'latency', code: 'high-latency', phrase: `the round trip for ${streamPhrase(a.view)} averaged ${ms(rtt.value)}`, facts: [fact(a, rtt)], severity: severity(rtt) });
  if (!loss && !jitter) {
    // Degradation and concealment are effects of loss or jitter; blame whichever was closer to its limit.
    const effect = byName.get('averageAudioDegradation') ?? byName.get('averageRatioOfConcealedSamples');
    if (effect?.value != null) {
      const lossRatio = all.get('averagePacketLossRate') ? severity(all.get('averagePacketLossRate')!) : 0;
      const jitterRatio = all.get('averageJitter') ? severity(all.get('averageJitter')!) : 0;
      const isJitter = jitterRatio > lossRatio;
      const what =
        effect.name === 'averageAudioDegradation'
          ? `network problems cost ${streamPhrase(a.view)} ${effect.value.toFixed(1)} MOS points`
          : `${percent(effect.value)} of ${streamPhrase(a.view)} had to be concealed`;
      out.push({ assessment: a, kind: isJitter ? 'jitter' : 'loss', code: isJitter ? 'jitter' : 'packet-loss', phrase: what, facts: [fact(a, effect)], severity: severity(effect) });
    }
  }
  return out;
}

const VIDEO_CODES: Record<string, CauseCode> = {
  averageVideoFrameLossPercentage: 'video-frame-loss',
  averageVideoFrameRate: 'video-low-frame-rate',
  postForwardErrorCorrectionPacketLossRate: 'packet-loss',
};

function videoProblems(a: StreamAssessment, thresholds: Thresholds): StreamProblem[] {
  const out: StreamProblem[] = [];
  for (const m of a.poorMetrics) {
    if (m.value === null) continue;
    const phrase =
      m.name === 'averageVideoFrameLossPercentage'
        ? `${Math.round(m.value)}% of the frames of ${streamPhrase(a.view)} were lost`
        : m.name === 'averageVideoFrameRate'
          ? `${streamPhrase(a.view)} ran at ${m.value.toFixed(1)} frames per second`
          : `${percent(m.value)} of ${packetsPhrase(a.view)} were lost even after error correction`;
    out.push({ assessment: a, kind: 'video', code: VIDEO_CODES[m.name] ?? 'packet-loss', phrase, facts: [fact(a, m)], severity: severity(m) });
  }
  const freeze = a.metrics.find((m) => m.name === 'averageFreezeDuration');
  if (freeze?.value != null && freeze.value > thresholds['video.freezeMs']) {
    out.push({ assessment: a, kind: 'video', code: 'video-freezes', phrase: `${streamPhrase(a.view)} froze for ${(freeze.value / 1000).toFixed(1)} s on average`, facts: [fact(a, freeze)], severity: severity(freeze) });
  }
  return out;
}

export function problemsOf(a: StreamAssessment, thresholds: Thresholds): StreamProblem[] {
  if (!a.view.relevant) return [];
  if (a.view.kind === 'audio') return a.classification === 'poor' ? audioProblems(a) : [];
  if (a.view.kind === 'video' || a.view.kind === 'screenSharing') return videoProblems(a, thresholds);
  return [];
}

/** Where a symptom happened: the sender's network, or the path when the service sent it. */
function symptomSide(p: StreamProblem): Finding['side'] {
  const sender = p.assessment.view.sender;
  if (!sender) return 'unknown';
  if (sender.side === 'service') return 'unknown';
  return sender.side;
}

export function symptomFindings(problems: readonly StreamProblem[]): Finding[] {
  return problems.map((p) =>
    findingFor(p.code, p.assessment.view.sender, {
      tier: 'symptom',
      side: symptomSide(p),
      confidence: Math.min(0.7, 0.45 + 0.1 * Math.min(2.5, p.severity - 1 + 0.5)),
      evidence: p.phrase,
      facts: p.facts,
      makesPoor: p.assessment.classification === 'poor',
    }),
  );
}
