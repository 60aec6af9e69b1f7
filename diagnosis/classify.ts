// CQD stream classification: audio is poor when any metric crosses its threshold; video is
// decided by the first metric present; streams without the data are unclassified.
import { durationMs } from './duration.js';
import type { StreamView } from './model.js';
import { num } from './read.js';
import { breachesKey } from './thresholds.js';
import type { ThresholdKey, Thresholds } from './thresholds.js';
import type { StreamClass } from './types.js';

export interface MetricReading {
  /** The Graph mediaStream field name. */
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly classification: StreamClass;
  readonly threshold: number | null;
}

export interface StreamAssessment {
  readonly view: StreamView;
  readonly classification: StreamClass;
  readonly metrics: readonly MetricReading[];
  /** Metrics on the poor side of their threshold (only those that decided, for video). */
  readonly poorMetrics: readonly MetricReading[];
}

function reading(name: string, value: number | null, unit: string, key: ThresholdKey | null, thresholds: Thresholds): MetricReading {
  const classification: StreamClass = value === null || key === null ? 'unclassified' : breachesKey(value, key, thresholds) ? 'poor' : 'good';
  // Exactly the public per-metric shape (types.ts StreamQuality.metrics), so segments.ts hands these out as they are.
  return { name, value, unit, classification, threshold: key ? thresholds[key] : null };
}

function classifyAudio(view: StreamView, t: Thresholds): StreamAssessment {
  const s = view.stream;
  const metrics = [
    reading('averageAudioDegradation', num(s.averageAudioDegradation), 'MOS points', 'audio.degradation', t),
    reading('averageRoundTripTime', durationMs(s.averageRoundTripTime), 'ms', 'audio.roundTripMs', t),
    reading('averagePacketLossRate', num(s.averagePacketLossRate), 'fraction', 'audio.packetLossRate', t),
    reading('averageJitter', durationMs(s.averageJitter), 'ms', 'audio.jitterMs', t),
    reading('averageRatioOfConcealedSamples', num(s.averageRatioOfConcealedSamples), 'fraction', 'audio.concealedRatio', t),
  ];
  const packets = num(s.packetUtilization);
  const packetReading: MetricReading = {
    name: 'packetUtilization',
    value: packets,
    unit: 'packets',
    classification: packets === null ? 'unclassified' : breachesKey(packets, 'audio.minPackets', t) ? 'unclassified' : 'good',
    threshold: t['audio.minPackets'],
  };
  const all = [...metrics, packetReading];
  const tooFewPackets = packets !== null && breachesKey(packets, 'audio.minPackets', t);
  const present = metrics.filter((m) => m.value !== null);
  if (tooFewPackets || present.length === 0) return { view, classification: 'unclassified', metrics: all, poorMetrics: [] };
  const poorMetrics = metrics.filter((m) => m.classification === 'poor');
  return { view, classification: poorMetrics.length > 0 ? 'poor' : 'good', metrics: all, poorMetrics };
}

function classifyVideo(view: StreamView, t: Thresholds): StreamAssessment {
  const s = view.stream;
  const frameRateKey: ThresholdKey = view.kind === 'screenSharing' ? 'vbss.frameRate' : 'video.frameRate';
  const ordered = [
    reading('averageVideoFrameLossPercentage', num(s.averageVideoFrameLossPercentage), '%', 'video.frameLossPercent', t),
    reading('averageVideoFrameRate', num(s.averageVideoFrameRate), 'fps', frameRateKey, t),
    reading('postForwardErrorCorrectionPacketLossRate', num(s.postForwardErrorCorrectionPacketLossRate), 'fraction', 'video.postFecLossRate', t),
  ];
  const extra = [
    reading('averageFreezeDuration', durationMs(s.averageFreezeDuration), 'ms', 'video.freezeMs', t),
    reading('averageVideoPacketLossRate', num(s.averageVideoPacketLossRate), 'fraction', null, t),
    reading('averageRoundTripTime', durationMs(s.averageRoundTripTime), 'ms', null, t),
  ];
  const deciding = ordered.find((m) => m.value !== null);
  const metrics = [...ordered, ...extra];
  if (!deciding) return { view, classification: 'unclassified', metrics, poorMetrics: [] };
  return { view, classification: deciding.classification, metrics, poorMetrics: deciding.classification === 'poor' ? [deciding] : [] };
}

export function classifyStream(view: StreamView, thresholds: Thresholds): StreamAssessment {
  const tooShort = view.durationSeconds !== null && breachesKey(view.durationSeconds, 'stream.minSeconds', thresholds);
  const assessment = classifyByKind(view, thresholds);
  return tooShort ? { ...assessment, classification: 'unclassified', poorMetrics: [] } : assessment;
}

function classifyByKind(view: StreamView, thresholds: Thresholds): StreamAssessment {
  if (view.kind === 'audio') return classifyAudio(view, thresholds);
  if (view.kind === 'video' || view.kind === 'screenSharing') return classifyVideo(view, thresholds);
  return { view, classification: 'unclassified', metrics: [], poorMetrics: [] };
}
