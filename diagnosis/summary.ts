// One or two sentences in the second person for the bot and the alerts.
import type { Cause, CauseCode, Side, Verdict } from './types.js';

const LABELS: Record<CauseCode, string> = {
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

function where(side: Side, otherName: string | null): string {
  switch (side) {
    case 'you':
      return ' on your side';
    case 'other':
      return otherName ? ` on ${otherName}'s side` : " on the other person's side";
    case 'service':
      return ' in the Teams service';
    case 'unknown':
      return '';
  }
}

/** "Most likely because of a weak Wi-Fi signal on your side." */
function because(top: Cause | undefined, otherName: string | null): string {
  if (!top || top.code === 'dropped-unexpectedly' || top.code === 'media-connectivity-failed' || top.code === 'no-quality-data') return '';
  if (top.code === 'user-rated-poor') return '';
  return `, most likely because of ${LABELS[top.code]}${where(top.side, otherName)}`;
}

export interface SummaryContext {
  /** Name of the other person when the top cause is on their side. */
  readonly otherName: string | null;
  /** False when the asking user was on no endpoint: then the call is "this call", not "your call". */
  readonly asParticipant: boolean;
  /** The call dropped and the same person came back on a later leg. */
  readonly rejoined: boolean;
}

export function summarise(verdict: Verdict, causes: readonly Cause[], context: SummaryContext): string {
  const { otherName, asParticipant, rejoined } = context;
  const top = causes[0];
  const advice = top ? ` ${top.advice}` : '';
  const call = asParticipant ? 'Your call' : 'This call';
  switch (verdict) {
    case 'good':
      return `${call} looked good: no stream crossed Microsoft's call-quality thresholds and no device problem was reported.`;
    case 'unclassified':
      return 'This call record has too little quality data to judge the call (no stream carried enough measured audio or video).' + advice;
    case 'dropped': {
      const back = rejoined ? `, and ${asParticipant ? 'you' : 'the person who dropped'} rejoined` : '';
      return `${call} dropped unexpectedly after it had connected${because(top, otherName)}${back}.${advice}`;
    }
    case 'setup-failed':
      return `${call} never connected${because(top, otherName)}.${advice}`;
    case 'poor':
      if (top?.code === 'user-rated-poor') return `You rated this call poor, but its measurements stayed within Microsoft's call-quality thresholds.${advice}`;
      return `${asParticipant ? 'Your call' : "This call's"} quality was poor${because(top, otherName)}.${advice}`;
  }
}
