// Short titles for verdicts and causes (a card's heading, a tab's badge), beside labels.ts's
// in-sentence phrases, so the bot and the tab say the same thing from one module.
import type { CauseCode, Verdict } from './types.js';

export interface VerdictTitle {
  readonly icon: string;
  readonly label: string;
}

export const VERDICT_TITLES: Readonly<Record<Verdict, VerdictTitle>> = {
  good: { icon: '✅', label: 'Good call' },
  poor: { icon: '⚠️', label: 'Poor quality' },
  dropped: { icon: '❌', label: 'Call dropped' },
  'setup-failed': { icon: '⛔', label: 'Call failed to connect' },
  unclassified: { icon: '❔', label: 'Not enough data' },
};

export const CAUSE_TITLES: Readonly<Record<CauseCode, string>> = {
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

/** Unknown codes (added later) still read sensibly. */
export function causeTitle(code: string): string {
  return (CAUSE_TITLES as Readonly<Record<string, string>>)[code] ?? code.replace(/-/g, ' ');
}
