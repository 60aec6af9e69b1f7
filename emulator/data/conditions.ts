// What a participant's network and device were like during a call, and how that shows up in
// Graph's networkInfo/deviceInfo fields. Problems sit where Graph really reports them: a weak
// Wi-Fi signal shows as low wifiSignalStrength plus loss on the stream that person SENT.
import type { Rng } from './random.js';

export type NetworkKind =
  | 'wired'
  | 'wifi5'
  | 'wifiWeak24'
  | 'wifiWeak5'
  | 'wifi24Congested'
  | 'tunnel'
  | 'tcpRelay'
  | 'mobile'
  | 'congested'
  | 'lowBandwidth'
  | 'highLatency'
  | 'jittery';

export type DeviceKind = 'ok' | 'micDead' | 'speakerDead' | 'speakerMuted' | 'glitches' | 'cpu' | 'howling' | 'lowSpeech' | 'clipping';

export interface SideCondition {
  readonly network: NetworkKind;
  readonly device: DeviceKind;
  readonly rating?: 'bad' | 'poor' | 'fair' | 'good' | 'excellent';
  /** What this side sends spikes briefly (max* far above good averages), as a moment of Wi-Fi interference does. */
  readonly spikes?: boolean;
}

export const HEALTHY: SideCondition = { network: 'wired', device: 'ok' };

/** How a side degrades the streams it sends and receives. Milliseconds and loss fractions. */
export interface Impairment {
  readonly sentLoss: number;
  readonly receivedLoss: number;
  readonly jitterMs: number;
  readonly rttMs: number;
  readonly bandwidthBps: number;
}

export function impairmentOf(kind: NetworkKind, rng: Rng): Impairment {
  const r = (min: number, max: number): number => rng.between(min, max);
  switch (kind) {
    case 'wired':
      return { sentLoss: r(0, 0.004), receivedLoss: r(0, 0.003), jitterMs: r(2, 7), rttMs: r(15, 40), bandwidthBps: r(4e6, 9e6) };
    case 'wifi5':
      // Spread across the good range (CQD: jitter 30 ms, round trip 500 ms), not bunched far below it.
      return { sentLoss: r(0.002, 0.01), receivedLoss: r(0.001, 0.008), jitterMs: r(4, 24), rttMs: r(25, 180), bandwidthBps: r(2e6, 6e6) };
    case 'wifiWeak24':
    case 'wifiWeak5':
      return { sentLoss: r(0.11, 0.19), receivedLoss: r(0.03, 0.06), jitterMs: r(38, 65), rttMs: r(90, 180), bandwidthBps: r(3e5, 9e5) };
    case 'wifi24Congested':
      return { sentLoss: r(0.06, 0.09), receivedLoss: r(0.05, 0.08), jitterMs: r(33, 48), rttMs: r(60, 120), bandwidthBps: r(6e5, 1.5e6) };
    case 'tunnel':
      return { sentLoss: r(0.03, 0.06), receivedLoss: r(0.03, 0.06), jitterMs: r(32, 45), rttMs: r(260, 330), bandwidthBps: r(8e5, 2e6) };
    case 'tcpRelay':
      return { sentLoss: r(0.005, 0.02), receivedLoss: r(0.005, 0.02), jitterMs: r(40, 75), rttMs: r(140, 240), bandwidthBps: r(1e6, 3e6) };
    case 'mobile':
      return { sentLoss: r(0.04, 0.08), receivedLoss: r(0.03, 0.06), jitterMs: r(35, 60), rttMs: r(280, 420), bandwidthBps: r(2e5, 8e5) };
    case 'congested':
      return { sentLoss: r(0.07, 0.11), receivedLoss: r(0.07, 0.11), jitterMs: r(15, 28), rttMs: r(60, 120), bandwidthBps: r(5e5, 1e6) };
    case 'lowBandwidth':
      return { sentLoss: r(0.02, 0.05), receivedLoss: r(0.02, 0.04), jitterMs: r(10, 25), rttMs: r(60, 140), bandwidthBps: r(4e4, 9e4) };
    case 'highLatency':
      return { sentLoss: r(0.005, 0.015), receivedLoss: r(0.005, 0.015), jitterMs: r(8, 18), rttMs: r(320, 460), bandwidthBps: r(1e6, 3e6) };
    case 'jittery':
      return { sentLoss: r(0.01, 0.03), receivedLoss: r(0.01, 0.03), jitterMs: r(33, 80), rttMs: r(50, 110), bandwidthBps: r(1e6, 3e6) };
  }
}

const VENDOR_DRIVERS = [['Intel(R) Wi-Fi 6 AX201 160MHz', '22.200.0.6'], ['Killer(R) Wi-Fi 6 AX1650s', '22.70.0.6'], ['Realtek RTL8822CE 802.11ac PCIe Adapter', '2024.0.10.220']] as const;

/** networkInfo as Graph reports it; every non-nullable CSDL field is present. */
export function networkInfo(kind: NetworkKind, impairment: Impairment, rng: Rng, addresses: { ip: string; mac: string }): Record<string, unknown> {
  const wifi = kind.startsWith('wifi');
  const band = kind === 'wifiWeak24' || kind === 'wifi24Congested' ? 'frequency24GHz' : wifi ? 'frequency50GHz' : 'unknown';
  const connectionType = wifi ? 'wifi' : kind === 'tunnel' ? 'tunnel' : kind === 'mobile' ? 'mobile' : 'wired';
  const relayed = kind === 'tcpRelay' || kind === 'tunnel' || rng.chance(0.15);
  const driver = rng.pick(VENDOR_DRIVERS);
  const sentQuality = impairment.sentLoss > 0.05 ? rng.between(0.22, 0.42) : impairment.sentLoss > 0.02 ? rng.between(0.05, 0.12) : 0;
  const receivedQuality = impairment.receivedLoss > 0.05 ? rng.between(0.18, 0.35) : impairment.receivedLoss > 0.02 ? rng.between(0.04, 0.1) : 0;
  return {
    bandwidthLowEventRatio: kind === 'lowBandwidth' ? round(rng.between(0.32, 0.6), 3) : 0,
    basicServiceSetIdentifier: wifi ? addresses.mac.replace(/-/g, ':').toLowerCase() : null,
    connectionType,
    delayEventRatio: impairment.rttMs > 250 ? round(rng.between(0.18, 0.4), 3) : 0,
    dnsSuffix: kind === 'tunnel' ? 'vpn.contoso.com' : kind === 'mobile' ? null : 'corp.contoso.com',
    ipAddress: addresses.ip,
    linkSpeed: wifi ? (band === 'frequency24GHz' ? 72_000_000 : 866_700_000) : kind === 'mobile' ? 50_000_000 : kind === 'tunnel' ? 4_294_967_295 : 1_000_000_000,
    macAddress: kind === 'mobile' ? '02-00-00-00-00-00' : addresses.mac,
    networkTransportProtocol: kind === 'tcpRelay' ? 'tcp' : 'udp',
    port: rng.int(50000, 50059),
    receivedQualityEventRatio: round(receivedQuality, 3),
    reflexiveIPAddress: `203.0.113.${rng.int(2, 250)}`,
    relayIPAddress: relayed ? `52.114.${rng.int(0, 255)}.${rng.int(1, 254)}` : null,
    relayPort: relayed ? (kind === 'tcpRelay' ? 443 : 3478) : null,
    sentQualityEventRatio: round(sentQuality, 3),
    subnet: addresses.ip.replace(/\.\d+$/, '.0'),
    traceRouteHops: [],
    wifiBand: band,
    wifiBatteryCharge: wifi ? rng.int(20, 100) : null,
    wifiChannel: wifi ? (band === 'frequency24GHz' ? rng.pick([1, 6, 11]) : rng.pick([36, 44, 149, 157])) : null,
    wifiMicrosoftDriver: wifi ? 'Microsoft Wi-Fi Direct Virtual Adapter' : null,
    wifiMicrosoftDriverVersion: wifi ? '10.0.22621.1' : null,
    wifiRadioType: wifi ? (band === 'frequency24GHz' ? 'wifi80211n' : 'wifi80211ax') : 'unknown',
    wifiSignalStrength: wifi ? (kind === 'wifiWeak24' || kind === 'wifiWeak5' ? rng.int(12, 27) : kind === 'wifi24Congested' ? rng.int(55, 72) : rng.int(70, 96)) : null,
    wifiVendorDriver: wifi ? driver[0] : null,
    wifiVendorDriverVersion: wifi ? driver[1] : null,
  };
}

/** deviceInfo for the capture/render devices of one side. */
export function deviceInfo(kind: DeviceKind, rng: Rng, hardware: { mic: string; speaker: string }): Record<string, unknown> {
  const ratio = (min: number, max: number): number => round(rng.between(min, max), 3);
  return {
    captureDeviceDriver: 'Microsoft: 10.0.22621.1',
    captureDeviceName: hardware.mic,
    captureNotFunctioningEventRatio: kind === 'micDead' ? ratio(0.65, 1) : 0,
    cpuInsufficentEventRatio: kind === 'cpu' ? ratio(0.3, 0.6) : 0,
    deviceClippingEventRatio: kind === 'clipping' ? ratio(0.2, 0.4) : ratio(0, 0.004),
    deviceGlitchEventRatio: kind === 'glitches' ? ratio(0.18, 0.35) : kind === 'cpu' ? ratio(0.08, 0.16) : ratio(0, 0.005),
    howlingEventCount: kind === 'howling' ? rng.int(6, 30) : 0,
    initialSignalLevelRootMeanSquare: round(rng.between(80, 250), 1),
    lowSpeechLevelEventRatio: kind === 'lowSpeech' ? ratio(0.4, 0.7) : ratio(0, 0.02),
    lowSpeechToNoiseEventRatio: ratio(0, 0.02),
    micGlitchRate: kind === 'glitches' ? ratio(80, 200) : ratio(0, 8),
    receivedNoiseLevel: rng.int(-80, -62),
    receivedSignalLevel: rng.int(-22, -10),
    renderDeviceDriver: 'Microsoft: 10.0.22621.1',
    renderDeviceName: hardware.speaker,
    renderMuteEventRatio: kind === 'speakerMuted' ? ratio(0.7, 1) : 0,
    renderNotFunctioningEventRatio: kind === 'speakerDead' ? ratio(0.6, 1) : 0,
    renderZeroVolumeEventRatio: kind === 'speakerMuted' ? ratio(0.1, 0.3) : 0,
    sentNoiseLevel: rng.int(-80, -60),
    sentSignalLevel: kind === 'lowSpeech' ? rng.int(-48, -40) : kind === 'micDead' ? -100 : rng.int(-24, -12),
    speakerGlitchRate: kind === 'glitches' ? ratio(60, 150) : ratio(0, 6),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Edm.Duration as Graph writes it: PT0.016S. */
export function duration(ms: number): string {
  const seconds = round(ms / 1000, 3);
  return `PT${seconds.toString()}S`;
}
