// The problems the generator plants and the answer each one should get. `culprit` says whose
// side the problem is on relative to the person who would ask the bot (the ground-truth user).
import type { Failure } from './calls.js';
import type { SideCondition } from './conditions.js';
import type { GroundTruth } from './groundTruth.js';

export interface Scenario {
  readonly name: string;
  readonly verdict: GroundTruth['verdict'];
  readonly cause: string | null;
  readonly culprit: 'asker' | 'other' | 'none';
  readonly side: GroundTruth['side'];
  /** Condition of the culprit (asker or other); the rest are healthy. */
  readonly condition?: SideCondition;
  readonly failure?: Failure;
  readonly video?: boolean;
  readonly ambiguous?: boolean;
  /** For mixed-signal scenarios: the condition of the non-culprit side. */
  readonly otherCondition?: SideCondition;
  /** Seconds; defaults to a normal call length. */
  readonly seconds?: number;
  /** Notes the answer should carry (ground truth only). */
  readonly notes?: readonly string[];
  /** Where the record is shaped differently from a plain 1:1 or meeting leg. */
  readonly shape?: 'serviceFault' | 'phoneCarrier';
}

const poor = (name: string, cause: string, culprit: 'asker' | 'other', condition: SideCondition, extra: Partial<Scenario> = {}): Scenario => ({
  name,
  verdict: 'poor',
  cause,
  culprit,
  side: culprit === 'asker' ? 'you' : 'other',
  condition,
  ...extra,
});

export const SCENARIOS = {
  good: { name: 'good-1to1', verdict: 'good', cause: null, culprit: 'none', side: null },
  goodMeeting: { name: 'good-meeting', verdict: 'good', cause: null, culprit: 'none', side: null },
  wifiWeak: poor('wifi-weak-signal', 'wifi-weak-signal', 'asker', { network: 'wifiWeak24', device: 'ok' }),
  wifiWeak5: poor('wifi-weak-signal-5ghz', 'wifi-weak-signal', 'asker', { network: 'wifiWeak5', device: 'ok' }),
  wifi24: poor('wifi-2.4ghz', 'wifi-2.4ghz', 'asker', { network: 'wifi24Congested', device: 'ok' }),
  vpn: poor('vpn', 'vpn', 'asker', { network: 'tunnel', device: 'ok' }),
  tcp: poor('tcp-fallback', 'tcp-fallback', 'asker', { network: 'tcpRelay', device: 'ok' }),
  mobileOther: poor('mobile-other-side', 'mobile-network', 'other', { network: 'mobile', device: 'ok' }),
  mobileYou: poor('mobile-network', 'mobile-network', 'asker', { network: 'mobile', device: 'ok' }),
  latency: poor('high-latency', 'high-latency', 'asker', { network: 'highLatency', device: 'ok' }),
  congested: poor('congested-network', 'congested-network', 'asker', { network: 'congested', device: 'ok' }),
  jitter: poor('jitter', 'jitter', 'asker', { network: 'jittery', device: 'ok' }),
  lowBandwidth: poor('low-bandwidth', 'low-bandwidth', 'asker', { network: 'lowBandwidth', device: 'ok' }, { video: true }),
  micDead: poor('mic-not-working', 'mic-not-working', 'asker', { network: 'wired', device: 'micDead' }),
  speakerDead: poor('speaker-not-working', 'speaker-not-working', 'asker', { network: 'wired', device: 'speakerDead' }),
  speakerMuted: poor('speaker-muted', 'speaker-muted', 'asker', { network: 'wifi5', device: 'speakerMuted' }),
  glitches: poor('audio-glitches', 'audio-glitches', 'asker', { network: 'wired', device: 'glitches' }),
  cpu: poor('cpu-overload', 'cpu-overload', 'asker', { network: 'wired', device: 'cpu' }),
  howling: poor('echo-howling', 'echo-howling', 'other', { network: 'wired', device: 'howling' }),
  lowSpeech: poor('low-speech-level', 'low-speech-level', 'other', { network: 'wired', device: 'lowSpeech' }),
  clipping: poor('mic-clipping', 'mic-clipping', 'other', { network: 'wired', device: 'clipping' }),
  ratedPoor: { name: 'user-rated-poor', verdict: 'poor', cause: 'user-rated-poor', culprit: 'asker', side: 'unknown', condition: { network: 'wired', device: 'ok', rating: 'poor' } },
  setupFailure: {
    name: 'setup-failure',
    verdict: 'setup-failed',
    cause: 'media-connectivity-failed',
    culprit: 'none',
    side: 'unknown',
    failure: { stage: 'callSetup', reason: 'Media connectivity failure: no ICE candidate pair could be connected' },
    seconds: 6,
  },
  midcallDrop: {
    name: 'midcall-drop',
    verdict: 'dropped',
    cause: 'dropped-unexpectedly',
    culprit: 'none',
    side: 'unknown',
    failure: { stage: 'midcall', reason: 'Call dropped: no media was received for 30 seconds' },
  },
  midcallDropWifi: {
    name: 'midcall-drop-wifi',
    verdict: 'dropped',
    cause: 'wifi-weak-signal',
    culprit: 'asker',
    side: 'you',
    condition: { network: 'wifiWeak5', device: 'ok' },
    failure: { stage: 'midcall', reason: 'Call dropped: no media was received for 30 seconds' },
  },
  // Good averages; what the other side sent had a brief burst of loss and jitter.
  briefSpike: { name: 'brief-spike', verdict: 'good', cause: null, culprit: 'other', side: null, condition: { network: 'wired', device: 'ok', spikes: true }, notes: ['brief-spike'] },
  // The asker's own leg is clean; the conferencing server's leg to the phone gateway lost packets.
  serviceFault: { name: 'service-fault', verdict: 'poor', cause: 'packet-loss', culprit: 'none', side: 'service', shape: 'serviceFault' },
  // A call to a phone number: clean to Microsoft's gateway, lossy on the carrier's leg beyond it.
  phoneCarrier: { name: 'phone-carrier-leg', verdict: 'poor', cause: 'packet-loss', culprit: 'other', side: 'other', shape: 'phoneCarrier' },
  noData: { name: 'no-quality-data', verdict: 'unclassified', cause: 'no-quality-data', culprit: 'none', side: 'unknown', seconds: 3 },
  mixed: poor('mixed-wifi-and-mobile', 'wifi-weak-signal', 'asker', { network: 'wifiWeak24', device: 'ok' }, { ambiguous: true, otherCondition: { network: 'mobile', device: 'ok' } }),
} as const satisfies Record<string, Scenario>;

/** Background mix for everyone but the demo story: most calls are good. */
export const BACKGROUND_WEIGHTS: readonly (readonly [Scenario, number])[] = [
  [SCENARIOS.good, 790],
  [SCENARIOS.wifiWeak, 22],
  [SCENARIOS.wifiWeak5, 8],
  [SCENARIOS.wifi24, 18],
  [SCENARIOS.vpn, 15],
  [SCENARIOS.tcp, 10],
  [SCENARIOS.mobileOther, 10],
  [SCENARIOS.mobileYou, 8],
  [SCENARIOS.latency, 6],
  [SCENARIOS.congested, 12],
  [SCENARIOS.jitter, 8],
  [SCENARIOS.lowBandwidth, 8],
  [SCENARIOS.micDead, 6],
  [SCENARIOS.speakerDead, 4],
  [SCENARIOS.speakerMuted, 6],
  [SCENARIOS.glitches, 6],
  [SCENARIOS.cpu, 6],
  [SCENARIOS.howling, 4],
  [SCENARIOS.lowSpeech, 4],
  [SCENARIOS.clipping, 3],
  [SCENARIOS.ratedPoor, 4],
  [SCENARIOS.setupFailure, 12],
  [SCENARIOS.midcallDrop, 14],
  [SCENARIOS.midcallDropWifi, 6],
  [SCENARIOS.briefSpike, 10],
  [SCENARIOS.serviceFault, 6],
  [SCENARIOS.phoneCarrier, 6],
  [SCENARIOS.noData, 6],
  [SCENARIOS.mixed, 10],
];
