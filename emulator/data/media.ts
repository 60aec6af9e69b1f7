// Endpoints, media lines and streams of a generated session, shaped exactly like Graph's
// (polymorphic @odata.type on endpoints and user agents, Durations as PT…S, enums by name).
import { deviceInfo, duration, impairmentOf, networkInfo, round, type Impairment, type SideCondition } from './conditions.js';
import type { Rng } from './random.js';
import type { TenantUser } from './types.js';

const NS = '#microsoft.graph.callRecords';

export interface ClientProfile {
  readonly platform: 'windows' | 'macOS' | 'iOS' | 'android' | 'web';
  readonly machineName: string;
  readonly cpuName: string;
  readonly cpuCores: number;
  readonly cpuMhz: number;
  readonly mic: string;
  readonly speaker: string;
  readonly ip: string;
  readonly mac: string;
}

export interface Participant {
  readonly user: TenantUser;
  readonly condition: SideCondition;
  readonly client: ClientProfile;
}

/** One side of a media line, with what it did to the streams. */
export interface Side {
  readonly endpoint: Record<string, unknown>;
  readonly network: Record<string, unknown> | null;
  readonly device: Record<string, unknown> | null;
  readonly impairment: Impairment;
  /** The side's microphone produced (almost) no audio. */
  readonly silentMic: boolean;
  /** What the side sends has brief bursts: max* fields far above good averages. */
  readonly spikes?: boolean;
}

const HEADERS: Record<ClientProfile['platform'], string> = {
  windows: '49/25010202214 (Microsoft Teams 25010.202.3314.3714 Windows 10.0.22631 x64)',
  macOS: '49/25010202214 (Microsoft Teams 25010.202.3314.3714 macOS 14.4.1)',
  iOS: '49/1415/6.21.1 (Microsoft Teams iOS 17.4 iPhone15,2)',
  android: '49/1415/1416.2025010201 (Microsoft Teams Android 14 SM-S918B)',
  web: '49/25010202214 (Microsoft Teams Web Edge 131.0.2903.99)',
};

export function clientProfile(rng: Rng): ClientProfile {
  const platform = rng.weighted<ClientProfile['platform']>([['windows', 60], ['macOS', 18], ['iOS', 9], ['android', 7], ['web', 6]]);
  const mobile = platform === 'iOS' || platform === 'android';
  return {
    platform,
    machineName: mobile ? `${platform === 'iOS' ? 'iPhone' : 'Galaxy'}-${rng.int(100, 999)}` : `CONTOSO-${rng.int(1000, 9999)}`,
    cpuName: mobile ? 'ARM64' : rng.pick(['Intel(R) Core(TM) i7-1185G7 @ 3.00GHz', 'Intel(R) Core(TM) i5-1235U', 'Apple M2', 'AMD Ryzen 7 PRO 6850U']),
    cpuCores: mobile ? 8 : rng.pick([4, 8, 12]),
    cpuMhz: mobile ? 2400 : rng.pick([1800, 2496, 2995, 3000]),
    mic: mobile ? 'Built-in microphone' : rng.pick(['Microphone Array (Realtek(R) Audio)', 'Headset Microphone (Jabra Evolve2 65)', 'Microphone (Poly Blackwire 5220)', 'MacBook Pro Microphone']),
    speaker: mobile ? 'Built-in speaker' : rng.pick(['Speakers (Realtek(R) Audio)', 'Headset Earphone (Jabra Evolve2 65)', 'Speaker (Poly Blackwire 5220)', 'MacBook Pro Speakers']),
    ip: `10.${rng.int(10, 40)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
    mac: Array.from({ length: 6 }, () => rng.int(0, 255).toString(16).padStart(2, '0').toUpperCase()).join('-'),
  };
}

export function participantSide(p: Participant, tenantId: string, rng: Rng): Side {
  const impairment = impairmentOf(p.condition.network, rng);
  const endpoint: Record<string, unknown> = {
    '@odata.type': `${NS}.participantEndpoint`,
    name: p.client.machineName,
    cpuCoresCount: p.client.cpuCores,
    cpuName: p.client.cpuName,
    cpuProcessorSpeedInMhz: p.client.cpuMhz,
    userAgent: {
      '@odata.type': `${NS}.clientUserAgent`,
      headerValue: HEADERS[p.client.platform],
      applicationVersion: '25010.202.3314.3714',
      platform: p.client.platform,
      productFamily: 'teams',
      azureADAppId: null,
      communicationServiceId: null,
    },
    associatedIdentity: { id: p.user.id, displayName: p.user.displayName, tenantId, userPrincipalName: p.user.userPrincipalName },
    feedback: p.condition.rating ? { rating: p.condition.rating, text: null, tokens: feedbackTokens(p.condition, rng) } : null,
  };
  return {
    endpoint,
    network: networkInfo(p.condition.network, impairment, rng, { ip: p.client.ip, mac: p.client.mac }),
    device: deviceInfo(p.condition.device, rng, { mic: p.client.mic, speaker: p.client.speaker }),
    impairment,
    silentMic: p.condition.device === 'micDead',
    spikes: p.condition.spikes === true,
  };
}

/**
 * A party on the public phone network, reached through Microsoft's phone gateway: no Teams client,
 * no networkInfo or deviceInfo, identified by its number. `carrierLoss` is what the carrier's leg loses.
 */
export function phoneSide(number: string, carrierLoss: number, rng: Rng): Side {
  return {
    endpoint: { '@odata.type': `${NS}.participantEndpoint`, associatedIdentity: { id: number, displayName: number }, feedback: null },
    network: null,
    device: null,
    impairment: { sentLoss: carrierLoss, receivedLoss: carrierLoss * 0.5, jitterMs: rng.between(8, 20), rttMs: rng.between(40, 90), bandwidthBps: 6.4e4 },
    silentMic: false,
  };
}

function feedbackTokens(condition: SideCondition, rng: Rng): Record<string, boolean> {
  if (condition.rating === 'good' || condition.rating === 'excellent') return {};
  const tokens: Record<string, boolean> = {};
  if (condition.device === 'speakerMuted' || condition.device === 'speakerDead') tokens.NoSound = true;
  if (condition.device === 'howling') tokens.Echo = true;
  if (condition.network !== 'wired' || rng.chance(0.5)) tokens.DistortedSound = true;
  if (rng.chance(0.4)) tokens.Interruptions = true;
  return tokens;
}

/** A conferencing server (meetings, group calls): the far end of every participant's session. */
export function serviceSide(role: 'skypeForBusinessAudioVideoMcu' | 'mediationServer' | 'conferencingAnnouncementService', rng: Rng, fault = 0): Side {
  return {
    endpoint: {
      '@odata.type': `${NS}.serviceEndpoint`,
      userAgent: { '@odata.type': `${NS}.serviceUserAgent`, headerValue: role === 'mediationServer' ? 'RTCC/7.0.0.0 MediationServer' : 'RTCC/7.0.0.0 AVMCU/7.0.0.0', applicationVersion: '2025.1.12.3', role },
    },
    network: null,
    device: null,
    // `fault`: loss this server adds to what it sends (a fault inside Microsoft's network).
    impairment: { sentLoss: fault + rng.between(0, 0.002), receivedLoss: rng.between(0, 0.002), jitterMs: rng.between(1, 3), rttMs: rng.between(2, 8), bandwidthBps: 1e7 },
    silentMic: false,
  };
}

/** One audio (and optionally video) media line between caller and callee for [start, end]. */
export function mediaLines(caller: Side, callee: Side, start: Date, end: Date, withVideo: boolean, rng: Rng): Record<string, unknown>[] {
  const seconds = Math.max(1, (end.getTime() - start.getTime()) / 1000);
  // A receiver's receivedQualityEventRatio mirrors the sender's sentQualityEventRatio for the same
  // stream (Microsoft's own example: 0.31 sent, 0.27 received), plus what its own downlink adds.
  const callerNetwork = mirrored(caller.network, callee, caller, rng);
  const calleeNetwork = mirrored(callee.network, caller, callee, rng);
  const line = (label: string, video: boolean): Record<string, unknown> => ({
    label,
    callerNetwork,
    calleeNetwork,
    callerDevice: video ? null : caller.device,
    calleeDevice: video ? null : callee.device,
    streams: [
      stream('callerToCallee', caller, callee, start, end, seconds, video, rng),
      stream('calleeToCaller', callee, caller, start, end, seconds, video, rng),
    ],
  });
  return withVideo ? [line('main-audio', false), line('main-video', true)] : [line('main-audio', false)];
}

function mirrored(network: Record<string, unknown> | null, sender: Side, receiver: Side, rng: Rng): Record<string, unknown> | null {
  if (!network) return null;
  const sent = typeof sender.network?.sentQualityEventRatio === 'number' ? sender.network.sentQualityEventRatio : 0;
  const own = receiver.impairment.receivedLoss > 0.05 ? rng.between(0.12, 0.22) : 0;
  return { ...network, receivedQualityEventRatio: round(Math.min(1, sent * rng.between(0.8, 0.95) + own), 3) };
}

function stream(direction: 'callerToCallee' | 'calleeToCaller', sender: Side, receiver: Side, start: Date, end: Date, seconds: number, video: boolean, rng: Rng): Record<string, unknown> {
  const loss = Math.min(0.35, sender.impairment.sentLoss + receiver.impairment.receivedLoss);
  const jitter = Math.max(sender.impairment.jitterMs, receiver.impairment.jitterMs * 0.6) + rng.between(0, 2);
  const rtt = sender.impairment.rttMs + receiver.impairment.rttMs;
  const bandwidth = Math.min(sender.impairment.bandwidthBps, receiver.impairment.bandwidthBps);
  const packets = Math.round(seconds * (video ? 90 : 50) * (sender.silentMic && !video ? 0.02 : 1));
  const base = {
    streamId: String(rng.int(1_000_000_000, 2_147_483_647)),
    streamDirection: direction,
    startDateTime: start.toISOString(),
    endDateTime: end.toISOString(),
    averageBandwidthEstimate: Math.round(bandwidth),
    averageJitter: duration(jitter),
    maxJitter: duration(sender.spikes ? rng.between(260, 520) : jitter * rng.between(1.8, 3.2)),
    averagePacketLossRate: round(loss, 5),
    maxPacketLossRate: round(sender.spikes ? rng.between(0.45, 0.75) : Math.min(0.9, loss * rng.between(2, 3.5) + 0.002), 5),
    averageRoundTripTime: duration(rtt),
    maxRoundTripTime: duration(rtt * rng.between(1.4, 2.4)),
    packetUtilization: packets,
    wasMediaBypassed: false,
  };
  if (!video) {
    return {
      ...base,
      audioCodec: rng.pick(['satin', 'opus', 'silk']),
      videoCodec: null,
      averageAudioDegradation: loss > 0.01 || jitter > 25 ? round(Math.min(3.5, loss * 12 + jitter / 60), 3) : null,
      averageAudioNetworkJitter: duration(jitter * 0.9),
      maxAudioNetworkJitter: duration(jitter * rng.between(1.5, 2.5)),
      averageRatioOfConcealedSamples: round(Math.min(0.6, loss * 0.9 + Math.max(0, jitter - 30) / 800), 4),
      maxRatioOfConcealedSamples: round(Math.min(0.9, loss * 2.2 + 0.01), 4),
      isAudioForwardErrorCorrectionUsed: loss > 0.02,
      postForwardErrorCorrectionPacketLossRate: null,
      averageVideoFrameLossPercentage: null,
      averageVideoFrameRate: null,
      averageReceivedFrameRate: null,
      averageVideoPacketLossRate: null,
      lowFrameRateRatio: null,
      lowVideoProcessingCapabilityRatio: null,
      averageFreezeDuration: null,
      rmsFreezeDuration: null,
    };
  }
  const starved = bandwidth < 1.5e5 || loss > 0.08;
  const frameRate = starved ? rng.between(3, 6.5) : rng.between(24, 30);
  return {
    ...base,
    audioCodec: null,
    videoCodec: rng.pick(['h264', 'av1', 'h264uc']),
    averageAudioDegradation: null,
    averageAudioNetworkJitter: null,
    maxAudioNetworkJitter: null,
    averageRatioOfConcealedSamples: null,
    maxRatioOfConcealedSamples: null,
    isAudioForwardErrorCorrectionUsed: null,
    postForwardErrorCorrectionPacketLossRate: round(loss * 0.6, 5),
    averageVideoFrameLossPercentage: round(loss > 0.08 ? rng.between(20, 60) : loss * 100, 2),
    averageVideoFrameRate: round(frameRate, 2),
    averageReceivedFrameRate: round(frameRate, 2),
    averageVideoPacketLossRate: round(loss, 5),
    lowFrameRateRatio: round(starved ? rng.between(0.4, 0.8) : rng.between(0, 0.03), 3),
    lowVideoProcessingCapabilityRatio: round(rng.between(0, 0.02), 3),
    averageFreezeDuration: starved ? duration(rng.between(600, 2200)) : duration(rng.between(0, 60)),
    rmsFreezeDuration: starved ? duration(rng.between(900, 3000)) : duration(rng.between(0, 90)),
  };
}
