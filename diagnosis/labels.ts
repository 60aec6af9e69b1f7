// Plain-language names for causes, sides and notes, shared by the summary, the bot's cards, the
// tab and the CLI, so a new side or note reads the same everywhere (render these, do not list them).
import type { CauseCode, NoteCode, Side } from './types.js';

export const LABELS: Record<CauseCode, string> = {
  'wifi-weak-signal': 'a weak Wi-Fi signal',
  'wifi-2.4ghz': 'Wi-Fi on the crowded 2.4 GHz band',
  vpn: 'a VPN in the media path',
  'tcp-fallback': 'media falling back to TCP (UDP was blocked)',
  'mobile-network': 'a mobile network connection',
  'high-latency': 'high network delay',
  'packet-loss': 'lost network packets',
  jitter: 'network jitter',
  'low-bandwidth': 'too little network bandwidth',
  'mic-not-working': 'a microphone that was not working',
  'speaker-not-working': 'a speaker that was not working',
  'speaker-muted': 'a muted speaker',
  'audio-glitches': 'audio device glitches',
  'cpu-overload': 'an overloaded computer (CPU)',
  'echo-howling': 'echo and howling from a device',
  'low-speech-level': 'speech that was too quiet',
  'mic-clipping': 'a microphone set too loud (clipping)',
  'video-low-frame-rate': 'a low video frame rate',
  'video-frame-loss': 'lost video frames',
  'video-freezes': 'video freezes',
  'media-connectivity-failed': 'media that could not connect',
  'dropped-unexpectedly': 'an unexpected drop',
  'no-quality-data': 'missing quality data',
  'user-rated-poor': 'your own poor rating',
  'congested-network': 'a congested network',
};

/** "a weak Wi-Fi signal"; unknown codes (from a newer engine) still read sensibly. */
export function causeLabel(code: string): string {
  return (LABELS as Readonly<Record<string, string>>)[code] ?? code.replace(/-/g, ' ');
}

/** Whose side, as a short phrase after a cause: "Weak Wi-Fi signal (on your side)". */
export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  you: 'on your side',
  other: "on the other person's side",
  service: "inside Microsoft's network",
  unknown: 'side unclear',
};

export function sideLabel(side: string): string {
  return (SIDE_LABELS as Readonly<Record<string, string>>)[side] ?? 'side unclear';
}

/** Headings for notes (what the record shows beside the verdict). */
export const NOTE_LABELS: Readonly<Record<NoteCode, string>> = {
  'brief-spike': 'A brief spike',
  'their-experience': "The other side's experience",
  'user-not-found': 'Point of view',
  measured: 'What was measured',
};

export function noteLabel(code: string): string {
  return (NOTE_LABELS as Readonly<Record<string, string>>)[code] ?? 'Note';
}
