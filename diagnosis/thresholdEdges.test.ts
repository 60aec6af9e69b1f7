// Every threshold, just on the good side and just past it, through the whole engine: the verdict
// or the cause a user would see flips exactly at the edge.
import { describe, expect, it } from 'vitest';
import { diagnoseCall } from './diagnose.js';
import { ALICE, BOB, healthyAudio, healthyVideo, minutes, peerToPeer } from './testing/recordBuilder.js';
import { DEFAULT_THRESHOLDS, THRESHOLD_KEYS } from './thresholds.js';
import type { ThresholdKey } from './thresholds.js';
import type { Diagnosis } from './types.js';

type Fields = Record<string, unknown>;

/** Bob sends Alice one stream with these metrics; everything else is healthy. */
const received = (stream: Fields, label = 'main-audio'): Fields => peerToPeer({ media: [{ label, calleeToCaller: stream }] });
const bobDevice = (device: Fields): Fields => peerToPeer({ callee: { ...BOB, device } });
const aliceDevice = (device: Fields, timing = minutes(0, 30)): Fields => peerToPeer({ caller: { ...ALICE, device }, timing });
const onlyReceived = (stream: Fields): Fields => peerToPeer({ media: [{ callerToCallee: null, calleeToCaller: stream }] });
const hasNote = (code: string) => (d: Diagnosis): boolean => (d.notes ?? []).some((n) => n.code === code);
const lossyFromBob = (network: Fields, stream: Fields = {}): Fields =>
  peerToPeer({ callee: { ...BOB, network }, media: [{ calleeToCaller: healthyAudio({ averagePacketLossRate: 0.15, ...stream }) }] });

const verdict = (d: Diagnosis): string => d.verdict;
const hasCause = (code: string) => (d: Diagnosis): boolean => d.causes.some((c) => c.code === code);
const topCause = (d: Diagnosis): string | undefined => d.causes[0]?.code;

interface Edge {
  readonly key: ThresholdKey;
  readonly build: (value: number) => Fields;
  readonly good: number;
  readonly bad: number;
  readonly observe: (d: Diagnosis) => unknown;
  readonly whenGood: unknown;
  readonly whenBad: unknown;
}

const defaults = (): Record<ThresholdKey, number> => ({ ...DEFAULT_THRESHOLDS });
const ms = (v: number): string => `PT${v / 1000}S`;

const EDGES: Edge[] = [
  { key: 'audio.degradation', build: (v) => received(healthyAudio({ averageAudioDegradation: v })), good: 1.0, bad: 1.01, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'audio.roundTripMs', build: (v) => received(healthyAudio({ averageRoundTripTime: ms(v) })), good: 500, bad: 501, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'audio.packetLossRate', build: (v) => received(healthyAudio({ averagePacketLossRate: v })), good: 0.1, bad: 0.101, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'audio.jitterMs', build: (v) => received(healthyAudio({ averageJitter: ms(v) })), good: 30, bad: 31, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'audio.concealedRatio', build: (v) => received(healthyAudio({ averageRatioOfConcealedSamples: v })), good: 0.07, bad: 0.071, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  // Too few packets: a stream with terrible jitter is not classified, so the call is not poor.
  { key: 'audio.minPackets', build: (v) => received(healthyAudio({ averageJitter: 'PT0.2S', packetUtilization: v })), good: 501, bad: 500, observe: verdict, whenGood: 'poor', whenBad: 'good' },
  { key: 'stream.minSeconds', build: (v) => received(healthyAudio({ averageJitter: 'PT0.2S', startDateTime: '2026-11-20T10:00:00Z', endDateTime: new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + v * 1000).toISOString() })), good: 10, bad: 9.9, observe: verdict, whenGood: 'poor', whenBad: 'good' },
  { key: 'video.frameLossPercent', build: (v) => received(healthyVideo({ averageVideoFrameLossPercentage: v }), 'main-video'), good: 50, bad: 50.1, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'video.frameRate', build: (v) => received(healthyVideo({ averageVideoFrameLossPercentage: null, averageVideoFrameRate: v }), 'main-video'), good: 7, bad: 6.9, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'vbss.frameRate', build: (v) => received(healthyVideo({ averageVideoFrameLossPercentage: null, averageVideoFrameRate: v }), 'applicationsharing-video'), good: 2, bad: 1.9, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'video.postFecLossRate', build: (v) => received(healthyVideo({ averageVideoFrameLossPercentage: null, averageVideoFrameRate: null, postForwardErrorCorrectionPacketLossRate: v }), 'main-video'), good: 0.15, bad: 0.151, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'video.freezeMs', build: (v) => received(healthyVideo({ averageVideoFrameRate: 3, averageVideoFrameLossPercentage: null, averageFreezeDuration: ms(v) }), 'main-video'), good: 1000, bad: 1001, observe: hasCause('video-freezes'), whenGood: false, whenBad: true },
  { key: 'device.notFunctioningRatio', build: (v) => bobDevice({ captureNotFunctioningEventRatio: v }), good: 0.0049, bad: 0.005, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'device.speakerMutedRatio', build: (v) => aliceDevice({ renderMuteEventRatio: v }), good: 0.19, bad: 0.2, observe: topCause, whenGood: undefined, whenBad: 'speaker-muted' },
  { key: 'device.cpuInsufficientRatio', build: (v) => bobDevice({ cpuInsufficentEventRatio: v }), good: 0.099, bad: 0.1, observe: topCause, whenGood: undefined, whenBad: 'cpu-overload' },
  // Two events in ten minutes are 12 an hour; one event is a moment, not a problem.
  { key: 'device.howlingEvents', build: (v) => aliceDevice({ howlingEventCount: v }, minutes(0, 10)), good: 1, bad: 2, observe: topCause, whenGood: undefined, whenBad: 'echo-howling' },
  // Over the default 30-minute leg, an hourly rate of v is v / 2 events.
  { key: 'device.howlingPerHour', build: (v) => aliceDevice({ howlingEventCount: v / 2 }), good: 5.9, bad: 6, observe: topCause, whenGood: undefined, whenBad: 'echo-howling' },
  { key: 'video.lowFrameRateRatio', build: (v) => received(healthyVideo({ lowFrameRateRatio: v }), 'main-video'), good: 0.29, bad: 0.3, observe: verdict, whenGood: 'good', whenBad: 'poor' },
  { key: 'video.lowProcessingRatio', build: (v) => received(healthyVideo({ lowVideoProcessingCapabilityRatio: v }), 'main-video'), good: 0.29, bad: 0.3, observe: topCause, whenGood: undefined, whenBad: 'cpu-overload' },
  { key: 'spike.packetLossRate', build: (v) => received(healthyAudio({ maxPacketLossRate: v })), good: 0.29, bad: 0.3, observe: hasNote('brief-spike'), whenGood: false, whenBad: true },
  { key: 'spike.jitterMs', build: (v) => received(healthyAudio({ maxJitter: ms(v) })), good: 199, bad: 200, observe: hasNote('brief-spike'), whenGood: false, whenBad: true },
  { key: 'spike.roundTripMs', build: (v) => received(healthyAudio({ maxRoundTripTime: ms(v) })), good: 1499, bad: 1500, observe: hasNote('brief-spike'), whenGood: false, whenBad: true },
  { key: 'spike.concealedRatio', build: (v) => received(healthyAudio({ maxRatioOfConcealedSamples: v })), good: 0.29, bad: 0.3, observe: hasNote('brief-spike'), whenGood: false, whenBad: true },
  // v measured values on the one stream in the record: one is too little to call the call good.
  {
    key: 'evidence.minMeasuredValues',
    build: (v) => onlyReceived({ averageJitter: 'PT0.005S', averagePacketLossRate: v >= 2 ? 0.001 : null, averageRoundTripTime: v >= 3 ? 'PT0.04S' : null }),
    good: 2,
    bad: 1,
    observe: verdict,
    whenGood: 'good',
    whenBad: 'unclassified',
  },
  { key: 'device.glitchRatio', build: (v) => bobDevice({ deviceGlitchEventRatio: v }), good: 0.099, bad: 0.1, observe: topCause, whenGood: undefined, whenBad: 'audio-glitches' },
  { key: 'device.glitchesPer5Min', build: (v) => bobDevice({ micGlitchRate: v }), good: 99, bad: 100, observe: topCause, whenGood: undefined, whenBad: 'audio-glitches' },
  { key: 'device.lowSpeechRatio', build: (v) => bobDevice({ lowSpeechLevelEventRatio: v }), good: 0.199, bad: 0.2, observe: topCause, whenGood: undefined, whenBad: 'low-speech-level' },
  { key: 'device.clippingRatio', build: (v) => bobDevice({ deviceClippingEventRatio: v }), good: 0.099, bad: 0.1, observe: topCause, whenGood: undefined, whenBad: 'mic-clipping' },
  { key: 'network.wifiSignalPercent', build: (v) => lossyFromBob({ connectionType: 'wifi', wifiBand: 'frequency50GHz', wifiSignalStrength: v }), good: 50, bad: 49, observe: topCause, whenGood: 'packet-loss', whenBad: 'wifi-weak-signal' },
  { key: 'network.bandwidthLowRatio', build: (v) => lossyFromBob({ bandwidthLowEventRatio: v }), good: 0.099, bad: 0.1, observe: topCause, whenGood: 'packet-loss', whenBad: 'low-bandwidth' },
  { key: 'network.bandwidthEstimateBps', build: (v) => lossyFromBob({}, { averageBandwidthEstimate: v }), good: 100_000, bad: 99_999, observe: topCause, whenGood: 'packet-loss', whenBad: 'low-bandwidth' },
  { key: 'network.delayRatio', build: (v) => peerToPeer({ callee: { ...BOB, network: { delayEventRatio: v } } }), good: 0.099, bad: 0.1, observe: topCause, whenGood: undefined, whenBad: 'high-latency' },
  { key: 'network.qualityEventRatio', build: (v) => lossyFromBob({ sentQualityEventRatio: v }), good: 0.199, bad: 0.2, observe: topCause, whenGood: 'packet-loss', whenBad: 'congested-network' },
];

describe('threshold edges', () => {
  it('covers every threshold key in the table', () => {
    expect(EDGES.map((e) => e.key).sort()).toEqual([...THRESHOLD_KEYS].sort());
  });

  it.each(EDGES)('when $key is just on the good side ($good) then nothing changes; just past it ($bad) then it does', (edge) => {
    expect(edge.observe(diagnoseCall(edge.build(edge.good), ALICE.id))).toEqual(edge.whenGood);
    expect(edge.observe(diagnoseCall(edge.build(edge.bad), ALICE.id))).toEqual(edge.whenBad);
  });

  it.each(EDGES)('when $key is overridden past the bad value then the bad value counts as good', (edge) => {
    // Moving the threshold beyond the bad value must make the engine accept it: proves the override is used.
    const past = edge.bad + (edge.bad - edge.good) * 2;
    const d = diagnoseCall(edge.build(edge.bad), ALICE.id, { thresholds: { ...defaults(), [edge.key]: past } });
    expect(edge.observe(d)).toEqual(edge.whenGood);
  });
});
