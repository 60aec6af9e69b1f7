// Every number the engine compares a metric with, in one table with its unit and source, so an
// admin can line the bot's verdicts up with their Call Quality Dashboard (CQD_THRESHOLDS overrides).

const CQD_AUDIO =
  'CQD stream classification, audio (learn.microsoft.com/microsoftteams/stream-classification-in-call-quality-dashboard)';
const CQD_VIDEO = 'CQD stream classification, video (same page)';
const CQD_VBSS = 'CQD stream classification, video-based screen sharing (same page)';
const ISSUE = 'Call Doctor issue #4 (CQD device classification)';
const HEURISTIC = 'Call Doctor heuristic: CQD publishes no threshold for this field';
const GRAPH_FIELD = "Graph's field definition (callRecords mediaStream); the limit is a Call Doctor heuristic";
const SPIKE = 'Call Doctor heuristic: a max* field far above its average is a moment the user remembers; a note only, CQD classifies on averages';

/** How a metric compares with its threshold when it counts as a problem. */
export type Comparison = 'above' | 'below' | 'atLeast' | 'atMost';

export interface ThresholdDefinition {
  readonly value: number;
  readonly unit: string;
  readonly comparison: Comparison;
  readonly field: string;
  readonly source: string;
  /** Values outside [min, max] make no sense for the unit and are rejected as overrides. */
  readonly min: number;
  readonly max: number;
}

const def = (value: number, unit: string, comparison: Comparison, field: string, source: string, max = Number.MAX_SAFE_INTEGER): ThresholdDefinition => ({
  value,
  unit,
  comparison,
  field,
  source,
  min: 0,
  max,
});

export const THRESHOLD_TABLE = {
  'audio.degradation': def(1.0, 'MOS points', 'above', 'averageAudioDegradation', CQD_AUDIO, 5),
  'audio.roundTripMs': def(500, 'ms', 'above', 'averageRoundTripTime', CQD_AUDIO),
  'audio.packetLossRate': def(0.1, 'fraction', 'above', 'averagePacketLossRate', CQD_AUDIO, 1),
  'audio.jitterMs': def(30, 'ms', 'above', 'averageJitter', CQD_AUDIO),
  'audio.concealedRatio': def(0.07, 'fraction', 'above', 'averageRatioOfConcealedSamples', CQD_AUDIO, 1),
  'audio.minPackets': def(500, 'packets', 'atMost', 'packetUtilization', `${CQD_AUDIO}: only streams with more than 500 packets are classified`),
  'stream.minSeconds': def(10, 's', 'below', 'startDateTime..endDateTime', `${HEURISTIC}; CQD leaves very short streams unclassified without naming a length`),
  'video.frameLossPercent': def(50, '%', 'above', 'averageVideoFrameLossPercentage', CQD_VIDEO, 100),
  'video.frameRate': def(7, 'fps', 'below', 'averageVideoFrameRate', CQD_VIDEO),
  'vbss.frameRate': def(2, 'fps', 'below', 'averageVideoFrameRate', CQD_VBSS),
  'video.postFecLossRate': def(0.15, 'fraction', 'above', 'postForwardErrorCorrectionPacketLossRate', CQD_VIDEO, 1),
  'video.freezeMs': def(1000, 'ms', 'above', 'averageFreezeDuration', HEURISTIC),
  'video.lowFrameRateRatio': def(0.3, 'fraction', 'atLeast', 'lowFrameRateRatio (share of the call below 7.5 fps)', GRAPH_FIELD, 1),
  'video.lowProcessingRatio': def(0.3, 'fraction', 'atLeast', 'lowVideoProcessingCapabilityRatio (share of the call below 70% of expected processing)', GRAPH_FIELD, 1),
  'spike.packetLossRate': def(0.3, 'fraction', 'atLeast', 'maxPacketLossRate', SPIKE, 1),
  'spike.jitterMs': def(200, 'ms', 'atLeast', 'maxJitter / maxAudioNetworkJitter', SPIKE),
  'spike.roundTripMs': def(1500, 'ms', 'atLeast', 'maxRoundTripTime', SPIKE),
  'spike.concealedRatio': def(0.3, 'fraction', 'atLeast', 'maxRatioOfConcealedSamples', SPIKE, 1),
  'evidence.minMeasuredValues': def(2, 'values', 'below', 'measured metrics on the streams that shaped the call', 'Call Doctor rule: one figure is too little to call a call good'),
  'device.notFunctioningRatio': def(0.005, 'fraction', 'atLeast', 'captureNotFunctioningEventRatio / renderNotFunctioningEventRatio', ISSUE, 1),
  'device.speakerMutedRatio': def(0.2, 'fraction', 'atLeast', 'renderMuteEventRatio / renderZeroVolumeEventRatio', HEURISTIC, 1),
  'device.cpuInsufficientRatio': def(0.1, 'fraction', 'atLeast', 'cpuInsufficentEventRatio', HEURISTIC, 1),
  'device.howlingEvents': def(2, 'events', 'atLeast', 'howlingEventCount', `${HEURISTIC}; one event is a moment, not a problem`),
  'device.howlingPerHour': def(6, 'events per hour', 'atLeast', 'howlingEventCount over the leg\'s length', HEURISTIC),
  'device.glitchRatio': def(0.1, 'fraction', 'atLeast', 'deviceGlitchEventRatio', HEURISTIC, 1),
  'device.glitchesPer5Min': def(100, 'glitches per 5 minutes', 'atLeast', 'micGlitchRate / speakerGlitchRate', HEURISTIC),
  'device.lowSpeechRatio': def(0.2, 'fraction', 'atLeast', 'lowSpeechLevelEventRatio', HEURISTIC, 1),
  'device.clippingRatio': def(0.1, 'fraction', 'atLeast', 'deviceClippingEventRatio', HEURISTIC, 1),
  'network.wifiSignalPercent': def(50, '%', 'below', 'wifiSignalStrength', HEURISTIC, 100),
  'network.bandwidthLowRatio': def(0.1, 'fraction', 'atLeast', 'bandwidthLowEventRatio', HEURISTIC, 1),
  'network.bandwidthEstimateBps': def(100_000, 'bits per second', 'below', 'averageBandwidthEstimate', HEURISTIC),
  'network.delayRatio': def(0.1, 'fraction', 'atLeast', 'delayEventRatio', HEURISTIC, 1),
  'network.qualityEventRatio': def(0.2, 'fraction', 'atLeast', 'sentQualityEventRatio / receivedQualityEventRatio', HEURISTIC, 1),
} as const satisfies Record<string, ThresholdDefinition>;

export type ThresholdKey = keyof typeof THRESHOLD_TABLE;
export type Thresholds = Readonly<Record<ThresholdKey, number>>;

export const THRESHOLD_KEYS = Object.keys(THRESHOLD_TABLE) as ThresholdKey[];

export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze(
  Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, THRESHOLD_TABLE[key].value])) as Record<ThresholdKey, number>,
);

export function isThresholdKey(key: string): key is ThresholdKey {
  return Object.prototype.hasOwnProperty.call(THRESHOLD_TABLE, key);
}

/** The defaults with overrides applied. Throws an Error naming an unknown key or a bad value. */
export function resolveThresholds(overrides: Readonly<Record<string, number>>): Thresholds {
  const resolved: Record<string, number> = { ...DEFAULT_THRESHOLDS };
  for (const [key, value] of Object.entries(overrides)) {
    if (!isThresholdKey(key)) {
      throw new Error(`Unknown call-quality threshold "${key}"; known keys: ${THRESHOLD_KEYS.join(', ')}`);
    }
    const { min, max, unit } = THRESHOLD_TABLE[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      throw new Error(`Call-quality threshold "${key}" must be a number from ${min} to ${max} (${unit}); got ${String(value)}`);
    }
    resolved[key] = value;
  }
  return Object.freeze(resolved) as Thresholds;
}

/** True when the value is on the problem side of the threshold. */
export function breaches(value: number, threshold: number, comparison: Comparison): boolean {
  switch (comparison) {
    case 'above':
      return value > threshold;
    case 'below':
      return value < threshold;
    case 'atLeast':
      return value >= threshold;
    case 'atMost':
      return value <= threshold;
  }
}

export function breachesKey(value: number, key: ThresholdKey, thresholds: Thresholds): boolean {
  return breaches(value, thresholds[key], THRESHOLD_TABLE[key].comparison);
}
