// Each stream's CQD classes with the threshold's key, comparison and source, for the tooltips.
// diagnosis/ names each metric by its Graph field; the threshold table says where each limit comes from.
import { THRESHOLD_TABLE, type ThresholdKey } from '../../../diagnosis/index.js';
import type { StreamQuality } from '../../../diagnosis/index.js';
import type { MetricClass, StreamClasses } from '../contract.js';

function keyOf(metric: string, kind: StreamQuality['kind']): ThresholdKey | null {
  if (kind === 'audio') {
    const audio: Record<string, ThresholdKey> = {
      averageAudioDegradation: 'audio.degradation',
      averageRoundTripTime: 'audio.roundTripMs',
      averagePacketLossRate: 'audio.packetLossRate',
      averageJitter: 'audio.jitterMs',
      averageRatioOfConcealedSamples: 'audio.concealedRatio',
      packetUtilization: 'audio.minPackets',
    };
    return audio[metric] ?? null;
  }
  const video: Record<string, ThresholdKey> = {
    averageVideoFrameLossPercentage: 'video.frameLossPercent',
    averageVideoFrameRate: kind === 'screenSharing' ? 'vbss.frameRate' : 'video.frameRate',
    postForwardErrorCorrectionPacketLossRate: 'video.postFecLossRate',
    averageFreezeDuration: 'video.freezeMs',
  };
  return video[metric] ?? null;
}

export function streamClasses(stream: StreamQuality): StreamClasses {
  const metrics: MetricClass[] = stream.metrics.map((m) => {
    const key = m.threshold === undefined || m.threshold === null ? null : keyOf(m.name, stream.kind);
    const definition = key ? THRESHOLD_TABLE[key] : null;
    return {
      name: m.name,
      value: m.value,
      unit: m.unit,
      classification: m.classification,
      threshold: m.threshold ?? null,
      thresholdKey: key,
      comparison: definition?.comparison ?? null,
      source: definition?.source ?? null,
    };
  });
  return { kind: stream.kind, relative: stream.relative, classification: stream.classification, metrics };
}
