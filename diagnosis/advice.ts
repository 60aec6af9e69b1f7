// Concrete advice per cause, from the facts of the side it is about (connection type, Wi-Fi band,
// phone line, Microsoft server), phrased for whoever can act: the user for their own side, "ask
// <name> to ..." for the other person's, IT for Microsoft's network.
import type { SideView } from './model.js';
import { enumValue } from './read.js';
import type { CauseCode, Side } from './types.js';

/** What the record says about the side a cause is on. */
export interface AdviceContext {
  readonly connection: 'wired' | 'wifi' | 'mobile' | 'tunnel' | null;
  readonly band24: boolean;
  /** A phone-network party: the leg beyond Microsoft's gateway is the carrier's. */
  readonly phone: boolean;
}

export const NO_CONTEXT: AdviceContext = { connection: null, band24: false, phone: false };

export function adviceContextOf(where: SideView | null, side: Side): AdviceContext {
  if (!where || side === 'service') return NO_CONTEXT;
  const type = where.network ? enumValue(where.network.connectionType) : null;
  const connection = type === 'wired' || type === 'wifi' || type === 'mobile' || type === 'tunnel' ? type : null;
  return { connection, band24: where.network ? enumValue(where.network.wifiBand) === 'frequency24ghz' : false, phone: where.endpoint.phone };
}

/** Microsoft's side: nothing for the user to change. */
export const SERVICE_ADVICE =
  "The problem was inside Microsoft's network, not yours: nothing to change on your side. If it repeats, IT can check the Microsoft 365 service health.";

/** The carrier's leg of a phone call: beyond Microsoft's gateway and beyond anything the user runs. */
export const PHONE_ADVICE =
  "The problem was on the phone network's side of the call (the carrier's leg beyond Microsoft's phone gateway): nothing to change on your side. If it repeats with this number, the other party can try another line, and IT can raise it with the carrier.";

/** Network advice for a side already on a cable: the cable is not the fix. */
const WIRED: Partial<Record<CauseCode, string>> = {
  'packet-loss': 'pause large downloads, uploads or cloud backups during calls; the connection is already wired, so if loss repeats, have IT check the network link and router',
  jitter: 'pause streaming and large transfers on the same network during calls; the connection is already wired, so if it repeats, have IT check the network for congestion',
  'video-frame-loss': 'pause other transfers or turn off video if the network cannot keep up; the connection is already wired, so if it repeats, have IT check the network link',
  'video-freezes': 'pause other transfers, or turn off incoming video to keep audio clear; the connection is already wired, so if it repeats, have IT check the network link',
};

const WIFI_24: Partial<Record<CauseCode, string>> = {
  'packet-loss': 'switch to the 5 GHz Wi-Fi band or a cable, and pause large transfers during calls',
  jitter: 'switch to the 5 GHz Wi-Fi band or a cable: 2.4 GHz is crowded',
};

const NETWORK_CODES = new Set<CauseCode>(['packet-loss', 'jitter', 'high-latency', 'congested-network', 'video-frame-loss', 'video-freezes', 'low-bandwidth']);

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

function actionFor(code: CauseCode, context: AdviceContext): string {
  if (context.connection === 'wired') return WIRED[code] ?? ACTIONS[code];
  if (context.connection === 'wifi' && context.band24) return WIFI_24[code] ?? ACTIONS[code];
  return ACTIONS[code];
}

export function adviceFor(code: CauseCode, side: Side, otherName: string | null, context: AdviceContext = NO_CONTEXT): string {
  if (side === 'service') return SERVICE_ADVICE;
  if (context.phone && NETWORK_CODES.has(code)) return PHONE_ADVICE;
  const action = actionFor(code, context);
  if (side === 'other') return `Ask ${otherName ?? 'the other person'} to ${action}.`;
  // Whose network it was is not in the record: do not tell the user to fix theirs as if it were.
  if (side === 'unknown' && NETWORK_CODES.has(code)) return `The record does not show whose network caused this. If it was yours: ${action}.`;
  return `${action.charAt(0).toUpperCase()}${action.slice(1)}.`;
}
