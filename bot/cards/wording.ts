// The words the bot uses for verdicts, sides and causes, shared by every card and plain-text fallback.
import { SIDE_LABELS } from '../../diagnosis/index.js';
import type { CauseCode, Side, Verdict } from '../../diagnosis/types.js';

export interface VerdictWording {
  readonly icon: string;
  readonly label: string;
  /** Adaptive Card TextBlock color. */
  readonly color: 'Good' | 'Warning' | 'Attention' | 'Default';
}

export const VERDICTS: Readonly<Record<Verdict, VerdictWording>> = {
  good: { icon: '✅', label: 'Good call', color: 'Good' },
  poor: { icon: '⚠️', label: 'Poor quality', color: 'Warning' },
  dropped: { icon: '❌', label: 'Call dropped', color: 'Attention' },
  'setup-failed': { icon: '⛔', label: 'Call failed to connect', color: 'Attention' },
  unclassified: { icon: '❔', label: 'Not enough data', color: 'Default' },
};

/** From diagnosis/ (its wording), so a side it adds reads the same on every card. */
export const SIDES: Readonly<Record<Side, string>> = SIDE_LABELS;

const CAUSES: Readonly<Record<CauseCode, string>> = {
  'wifi-weak-signal': 'Weak Wi-Fi signal',
  'wifi-2.4ghz': 'Crowded 2.4 GHz Wi-Fi',
  vpn: 'Call routed through a VPN',
  'tcp-fallback': 'Media fell back to TCP',
  'mobile-network': 'Mobile data connection',
  'high-latency': 'High network delay',
  'packet-loss': 'Lost network packets',
  jitter: 'Uneven network timing (jitter)',
  'low-bandwidth': 'Not enough bandwidth',
  'mic-not-working': 'Microphone not picking up',
  'speaker-not-working': 'Speaker not playing',
  'speaker-muted': 'Speaker muted or at zero volume',
  'audio-glitches': 'Audio glitches on the device',
  'cpu-overload': 'Computer overloaded',
  'echo-howling': 'Echo or howling',
  'low-speech-level': 'Voice too quiet',
  'mic-clipping': 'Microphone too loud (clipping)',
  'video-low-frame-rate': 'Low video frame rate',
  'video-frame-loss': 'Lost video frames',
  'video-freezes': 'Video freezes',
  'media-connectivity-failed': 'Media could not connect',
  'dropped-unexpectedly': 'Call ended unexpectedly',
  'no-quality-data': 'No quality data in the record',
  // diagnosis/ raises this only for the asker's own rating (diagnosis/feedback.ts), never another participant's.
  'user-rated-poor': 'You rated it poor',
  'congested-network': 'Congested network',
};

/** Unknown codes (added later by diagnosis/) still read sensibly. */
export function causeLabel(code: string): string {
  return (CAUSES as Readonly<Record<string, string>>)[code] ?? code.replace(/-/g, ' ');
}
