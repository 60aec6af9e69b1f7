// Concrete advice per cause. Phrased for the person who has to act: the user for their own side,
// "ask <name> to ..." for the other person's side.
import type { CauseCode, Side } from './types.js';

// Pronoun-free, so the same text works for "you" and for "ask <name> to".
export const ACTIONS: Readonly<Record<CauseCode, string>> = {
  'wifi-weak-signal': 'move closer to the Wi-Fi access point, switch to the 5 GHz band or plug in a network cable',
  'wifi-2.4ghz': 'switch to the 5 GHz Wi-Fi band (or a cable): 2.4 GHz is crowded and slow',
  vpn: 'disconnect the VPN for Teams calls or ask IT for split-tunnel VPN so Teams media bypasses it',
  'tcp-fallback': 'ask IT to allow UDP ports 3478-3481 to Microsoft 365 so Teams media does not fall back to TCP',
  'mobile-network': 'use Wi-Fi or a wired network for calls, or move to a spot with a stronger mobile signal',
  'high-latency': 'use a network closer to the internet breakout (no VPN, no distant proxy) and avoid satellite or congested links',
  'packet-loss': 'use a wired connection where possible and pause large downloads, uploads or cloud backups during calls',
  jitter: 'pause streaming and large transfers on the same network during calls, or use a cable instead of Wi-Fi',
  'low-bandwidth': 'close other bandwidth-heavy apps, turn off incoming video, or use a faster connection',
  'mic-not-working': 'check that the right microphone is selected in Teams device settings, reconnect it, and make a test call',
  'speaker-not-working': 'check that the right speaker or headset is selected in Teams device settings, reconnect it, and make a test call',
  'speaker-muted': 'unmute the speaker and turn the volume up (in Windows or macOS and on the headset) before the next call',
  'audio-glitches': 'update the audio driver, use a certified headset, and close apps that load the computer during calls',
  'cpu-overload': 'close heavy apps and browser tabs during calls and turn off background effects; plug in the laptop',
  'echo-howling': 'use a headset, or keep only one device unmuted per room; lower the speaker volume',
  'low-speech-level': 'move the microphone closer to the mouth or raise the microphone level in the sound settings',
  'mic-clipping': 'lower the microphone input level or move the microphone a little further from the mouth',
  'video-low-frame-rate': 'turn off background effects, close heavy apps, and use a faster network for video',
  'video-frame-loss': 'use a wired connection or a stronger Wi-Fi signal; turn off video if the network cannot keep up',
  'video-freezes': 'use a wired connection, pause other transfers, or turn off incoming video to keep audio clear',
  'media-connectivity-failed': 'ask IT to allow Teams media (UDP 3478-3481 and Microsoft 365 IP ranges) through the firewall or proxy, then try again',
  'dropped-unexpectedly': 'rejoin the call; if drops repeat, note the time and ask IT to check the call in Teams Call Analytics',
  'no-quality-data': 'nothing to fix from this record; if the call sounded bad, tell IT the time of the call so they can check Call Analytics',
  'user-rated-poor': 'if it happens again, note what it sounded like (echo, robotic voice, silence) so IT can match it with Call Analytics',
  'congested-network': 'pause large transfers on the same network during calls, or ask IT to check the network for congestion',
};

export function adviceFor(code: CauseCode, side: Side, otherName: string | null): string {
  const action = ACTIONS[code];
  if (side === 'other') return `Ask ${otherName ?? 'the other person'} to ${action}.`;
  if (side === 'service') return `This looks like a problem on Microsoft's side rather than yours; if it repeats, ${action}.`;
  return `${action.charAt(0).toUpperCase()}${action.slice(1)}.`;
}
