// Which diagnosis causes produce each symptom, and how well one diagnosis explains a symptom.
// The codes are diagnosis/'s (diagnosis/types.ts CauseCode); sides are from the asker's point of
// view, so "nobody could hear me" is explained by the asker's microphone or upstream network, or
// by the other person's speaker, and "I couldn't hear anything" by the mirror image.
import type { Cause, CauseCode, Diagnosis, Side } from '../../diagnosis/types.js';
import type { Symptom } from '../intents/entities/symptom.js';

interface Explanation {
  readonly code: CauseCode;
  /** How directly the cause produces the symptom (1 = it is the symptom). */
  readonly weight: number;
  /** Only on these sides; any side when absent. */
  readonly sides?: readonly Side[];
}

const MINE: readonly Side[] = ['you', 'unknown'];
const THEIRS: readonly Side[] = ['other', 'unknown', 'service'];

const EXPLANATIONS: Readonly<Record<Symptom, readonly Explanation[]>> = {
  cantBeHeard: [
    { code: 'mic-not-working', weight: 1, sides: MINE },
    { code: 'low-speech-level', weight: 0.85, sides: MINE },
    { code: 'speaker-muted', weight: 0.7, sides: THEIRS },
    { code: 'speaker-not-working', weight: 0.7, sides: THEIRS },
    { code: 'media-connectivity-failed', weight: 0.6 },
    { code: 'packet-loss', weight: 0.55, sides: MINE },
    { code: 'audio-glitches', weight: 0.45, sides: MINE },
    { code: 'cpu-overload', weight: 0.4, sides: MINE },
    { code: 'wifi-weak-signal', weight: 0.4, sides: MINE },
    { code: 'jitter', weight: 0.35, sides: MINE },
    { code: 'low-bandwidth', weight: 0.35, sides: MINE },
  ],
  cantHear: [
    { code: 'speaker-not-working', weight: 1, sides: MINE },
    { code: 'speaker-muted', weight: 1, sides: MINE },
    { code: 'mic-not-working', weight: 0.8, sides: THEIRS },
    { code: 'low-speech-level', weight: 0.6, sides: THEIRS },
    { code: 'media-connectivity-failed', weight: 0.6 },
    { code: 'packet-loss', weight: 0.45 },
    { code: 'audio-glitches', weight: 0.4 },
  ],
  robotic: [
    { code: 'cpu-overload', weight: 1 },
    { code: 'packet-loss', weight: 0.9 },
    { code: 'jitter', weight: 0.85 },
    { code: 'audio-glitches', weight: 0.75 },
    { code: 'congested-network', weight: 0.65 },
    { code: 'low-bandwidth', weight: 0.6 },
    { code: 'wifi-weak-signal', weight: 0.6 },
    { code: 'wifi-2.4ghz', weight: 0.55 },
    { code: 'mobile-network', weight: 0.45 },
    { code: 'vpn', weight: 0.45 },
    { code: 'tcp-fallback', weight: 0.45 },
    { code: 'mic-clipping', weight: 0.35 },
  ],
  echo: [
    { code: 'echo-howling', weight: 1 },
    { code: 'mic-clipping', weight: 0.4 },
  ],
  frozenVideo: [
    { code: 'video-freezes', weight: 1 },
    { code: 'video-frame-loss', weight: 0.9 },
    { code: 'video-low-frame-rate', weight: 0.85 },
    { code: 'low-bandwidth', weight: 0.6 },
    { code: 'congested-network', weight: 0.5 },
    { code: 'cpu-overload', weight: 0.45 },
    { code: 'packet-loss', weight: 0.35 },
  ],
  dropped: [
    { code: 'dropped-unexpectedly', weight: 1 },
    { code: 'media-connectivity-failed', weight: 0.95 },
  ],
  delay: [
    { code: 'high-latency', weight: 1 },
    { code: 'jitter', weight: 0.6 },
    { code: 'vpn', weight: 0.5 },
    { code: 'tcp-fallback', weight: 0.5 },
    { code: 'mobile-network', weight: 0.45 },
    { code: 'congested-network', weight: 0.4 },
  ],
};

/** The cause codes that can produce a symptom, strongest first (for tests and the README). */
export function causesOf(symptom: Symptom): readonly CauseCode[] {
  return EXPLANATIONS[symptom].map((e) => e.code);
}

export interface SymptomMatch {
  /** 0 when nothing in the diagnosis explains the symptom. */
  readonly score: number;
  readonly cause: Cause | null;
}

export function matchSymptom(symptom: Symptom, diagnosis: Diagnosis): SymptomMatch {
  let best: SymptomMatch = { score: 0, cause: null };
  for (const cause of diagnosis.causes) {
    const explanation = EXPLANATIONS[symptom].find((e) => e.code === cause.code && (!e.sides || e.sides.includes(cause.side)));
    if (!explanation) continue;
    const score = explanation.weight * (0.5 + 0.5 * cause.confidence);
    if (score > best.score) best = { score, cause };
  }
  // A dropped or failed verdict is the symptom even when the record names no cause for it.
  if (symptom === 'dropped' && best.score === 0 && (diagnosis.verdict === 'dropped' || diagnosis.verdict === 'setup-failed')) return { score: 0.5, cause: null };
  return best;
}

/** "people could not hear you", said in a sentence. */
export const SYMPTOM_WORDS: Readonly<Record<Symptom, string>> = {
  cantBeHeard: 'other people not hearing you',
  cantHear: 'you not hearing the others',
  robotic: 'robotic or choppy audio',
  echo: 'echo',
  frozenVideo: 'frozen or choppy video',
  dropped: 'a dropped call',
  delay: 'delay or lag',
};

/** What to check when no call showed the symptom: the device, Teams' device settings, the test call. */
export const SYMPTOM_CHECKS: Readonly<Record<Symptom, readonly string[]>> = {
  cantBeHeard: [
    'Check that your microphone is not muted (in Teams and on the headset itself) and is plugged in.',
    'In Teams, open Settings > Devices and pick the microphone you use; the meter there moves when you speak.',
    'Make a test call (Settings > Devices > Make a test call): it plays your recording back to you.',
  ],
  cantHear: [
    'Check that your speaker or headset is connected, not muted and the volume is up.',
    'In Teams, open Settings > Devices and pick the speaker you use; "Play test sound" checks it.',
    'Make a test call (Settings > Devices > Make a test call).',
  ],
  robotic: [
    'Close apps that keep the computer busy, and plug laptops in (power saving slows audio).',
    'Prefer a cable or 5 GHz Wi-Fi, and avoid VPNs for Teams calls.',
    'Make a test call (Settings > Devices > Make a test call) to hear how you sound.',
  ],
  echo: [
    'Use a headset, or lower the speaker volume so the microphone does not pick it up.',
    'In Teams, open Settings > Devices and turn noise suppression on.',
    'Make a test call (Settings > Devices > Make a test call).',
  ],
  frozenVideo: [
    'Turn off incoming video or close other apps using the network or the camera.',
    'Prefer a cable or 5 GHz Wi-Fi, and check the camera in Teams under Settings > Devices.',
  ],
  dropped: [
    'Check your network connection and whether a VPN or firewall blocks Teams media.',
    'Make a test call (Settings > Devices > Make a test call).',
  ],
  delay: [
    'Avoid VPNs and mobile hotspots for Teams calls, and prefer a cable or 5 GHz Wi-Fi.',
    'Make a test call (Settings > Devices > Make a test call).',
  ],
};
