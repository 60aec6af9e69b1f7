// Words for a cause as the end of "7 of your 9 poor calls ...". Kept beside the patterns that
// use them; the bot and the tab show these sentences as they are.
import type { CauseCode } from '../types.js';

const PHRASES: Readonly<Record<CauseCode, string>> = {
  'wifi-weak-signal': 'had a weak Wi-Fi signal',
  'wifi-2.4ghz': 'were on 2.4 GHz Wi-Fi',
  vpn: 'went through a VPN',
  'tcp-fallback': 'fell back to TCP',
  'mobile-network': 'were on mobile data',
  'high-latency': 'had a long network delay',
  'packet-loss': 'lost network packets',
  jitter: 'had uneven network timing (jitter)',
  'low-bandwidth': 'ran short of bandwidth',
  'mic-not-working': 'had a microphone that did not pick up',
  'speaker-not-working': 'had a speaker that did not play',
  'speaker-muted': 'had the speaker muted or at zero volume',
  'audio-glitches': 'had audio glitches on the device',
  'cpu-overload': 'had an overloaded computer',
  'echo-howling': 'had echo or howling',
  'low-speech-level': 'had a very quiet microphone',
  'mic-clipping': 'had a distorting (clipping) microphone',
  'video-low-frame-rate': 'had a low video frame rate',
  'video-frame-loss': 'lost video frames',
  'video-freezes': 'had freezing video',
  'media-connectivity-failed': 'could not connect media',
  'dropped-unexpectedly': 'dropped unexpectedly',
  'no-quality-data': 'had no quality data',
  'user-rated-poor': 'were rated poor by you',
  'congested-network': 'were on a congested network',
};

export function causePhrase(code: CauseCode): string {
  return PHRASES[code];
}
