// Builds Graph-shaped call records for tests: healthy defaults, override only what a test is
// about. Shapes follow graph-callrecords.md §3 (participantEndpoint/serviceEndpoint with
// @odata.type, Durations as ISO 8601 strings).

export const ALICE = { id: 'a11ce000-0000-4000-8000-000000000001', name: 'Alice Park' };
export const BOB = { id: 'b0b00000-0000-4000-8000-000000000002', name: 'Bob Lee' };
export const CAROL = { id: 'ca201000-0000-4000-8000-000000000003', name: 'Carol Diaz' };

type Fields = Record<string, unknown>;

export interface ParticipantSpec {
  readonly id: string | null;
  readonly name?: string;
  readonly network?: Fields;
  readonly device?: Fields;
  readonly rating?: string;
  /** Use the deprecated identity.user instead of associatedIdentity, as the docs examples do. */
  readonly legacyIdentity?: boolean;
}

export const healthyAudio = (overrides: Fields = {}): Fields => ({
  averageAudioDegradation: 0.2,
  averageJitter: 'PT0.005S',
  maxJitter: 'PT0.012S',
  averagePacketLossRate: 0.002,
  maxPacketLossRate: 0.01,
  averageRatioOfConcealedSamples: 0.01,
  averageRoundTripTime: 'PT0.04S',
  packetUtilization: 3000,
  averageBandwidthEstimate: 4_000_000,
  ...overrides,
});

export const healthyVideo = (overrides: Fields = {}): Fields => ({
  averageVideoFrameLossPercentage: 2,
  averageVideoFrameRate: 25,
  postForwardErrorCorrectionPacketLossRate: 0.01,
  averageFreezeDuration: 'PT0.1S',
  packetUtilization: 20000,
  ...overrides,
});

export const wiredNetwork = (overrides: Fields = {}): Fields => ({ connectionType: 'wired', networkTransportProtocol: 'udp', wifiBand: 'unknown', bandwidthLowEventRatio: 0, sentQualityEventRatio: 0, receivedQualityEventRatio: 0, ...overrides });

export const healthyDevice = (overrides: Fields = {}): Fields => ({
  captureNotFunctioningEventRatio: 0,
  renderNotFunctioningEventRatio: 0,
  renderMuteEventRatio: 0,
  renderZeroVolumeEventRatio: 0,
  cpuInsufficentEventRatio: 0,
  deviceGlitchEventRatio: 0,
  deviceClippingEventRatio: 0,
  lowSpeechLevelEventRatio: 0,
  howlingEventCount: 0,
  micGlitchRate: 1,
  speakerGlitchRate: 1,
  ...overrides,
});

export function participantEndpoint(p: ParticipantSpec): Fields {
  const identity = p.id === null ? {} : p.legacyIdentity ? { identity: { user: { id: p.id, displayName: p.name ?? null } } } : { associatedIdentity: { id: p.id, displayName: p.name ?? null } };
  return {
    '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
    userAgent: { '@odata.type': '#microsoft.graph.callRecords.clientUserAgent', platform: 'windows', productFamily: 'teams' },
    ...identity,
    ...(p.rating ? { feedback: { rating: p.rating } } : {}),
  };
}

export const serviceEndpoint = (role = 'skypeForBusinessAudioVideoMcu'): Fields => ({
  '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint',
  userAgent: { '@odata.type': '#microsoft.graph.callRecords.serviceUserAgent', role },
});

export interface MediaSpec {
  readonly label?: string;
  readonly callerToCallee?: Fields | null;
  readonly calleeToCaller?: Fields | null;
}

function mediaLine(spec: MediaSpec, caller: ParticipantSpec | null, callee: ParticipantSpec | null): Fields {
  const streams: Fields[] = [];
  if (spec.callerToCallee !== null) streams.push({ streamId: '1', streamDirection: 'callerToCallee', ...(spec.callerToCallee ?? healthyAudio()) });
  if (spec.calleeToCaller !== null) streams.push({ streamId: '2', streamDirection: 'calleeToCaller', ...(spec.calleeToCaller ?? healthyAudio()) });
  return {
    label: spec.label ?? 'main-audio',
    ...(caller ? { callerNetwork: wiredNetwork(caller.network), callerDevice: healthyDevice(caller.device) } : {}),
    ...(callee ? { calleeNetwork: wiredNetwork(callee.network), calleeDevice: healthyDevice(callee.device) } : {}),
    streams,
  };
}

const START = '2026-11-20T10:00:00Z';
const END = '2026-11-20T10:30:00Z';

/** When a session (and its one segment) ran; defaults to the whole call, 10:00-10:30 UTC. */
export interface Timing {
  readonly start: string;
  readonly end: string;
}

/** A timing `fromMinute`..`toMinute` minutes after the call started at 10:00 UTC. */
export function minutes(fromMinute: number, toMinute: number): Timing {
  const at = (m: number): string => new Date(Date.parse(START) + m * 60_000).toISOString();
  return { start: at(fromMinute), end: at(toMinute) };
}

export interface PeerToPeerSpec {
  readonly id?: string;
  readonly caller?: ParticipantSpec;
  readonly callee?: ParticipantSpec;
  readonly media?: readonly MediaSpec[];
  readonly failure?: { stage: string; reason?: string };
  readonly timing?: Timing;
}

/** One session between two people; caller defaults to Alice, callee to Bob. */
export function peerToPeer(spec: PeerToPeerSpec = {}): Fields {
  const caller = spec.caller ?? ALICE;
  const callee = spec.callee ?? BOB;
  const id = spec.id ?? 'p2p-0000-0000-0000-000000000001';
  const media = (spec.media ?? [{}]).map((m) => mediaLine(m, caller, callee));
  const { start, end } = spec.timing ?? { start: START, end: END };
  const failureInfo = spec.failure ? { failureInfo: spec.failure } : {};
  const segment = { id, startDateTime: start, endDateTime: end, caller: participantEndpoint(caller), callee: participantEndpoint(callee), media, ...failureInfo };
  return {
    id,
    version: 1,
    type: 'peerToPeer',
    modalities: ['audio'],
    startDateTime: START,
    endDateTime: END,
    organizer_v2: { id: caller.id, identity: { user: { id: caller.id, displayName: caller.name } } },
    participants_v2: [caller, callee].map((p) => ({ id: p.id, identity: { user: { id: p.id, displayName: p.name } } })),
    sessions: [{ id, modalities: ['audio'], startDateTime: start, endDateTime: end, caller: participantEndpoint(caller), callee: participantEndpoint(callee), ...failureInfo, segments: [segment] }],
  };
}

export interface LegSpec {
  readonly participant: ParticipantSpec;
  /** The participant -> service stream (what they sent into the meeting). */
  readonly sent?: Fields | null;
  /** The service -> participant stream (what they heard). */
  readonly received?: Fields | null;
  readonly extraMedia?: readonly MediaSpec[];
  readonly failure?: { stage: string; reason?: string };
  readonly timing?: Timing;
}

/** A meeting: one participant-to-service session per leg; the first leg's participant organises. */
export function groupCall(legs: readonly LegSpec[], id = 'grp-0000-0000-0000-000000000001'): Fields {
  const sessions = legs.map((leg, i) => {
    const sid = `${id}-s${i}`;
    const media = [{ callerToCallee: leg.sent === undefined ? healthyAudio() : leg.sent, calleeToCaller: leg.received === undefined ? healthyAudio() : leg.received }, ...(leg.extraMedia ?? [])].map((m) => mediaLine(m, leg.participant, null));
    const { start, end } = leg.timing ?? { start: START, end: END };
    const failureInfo = leg.failure ? { failureInfo: leg.failure } : {};
    const segment = { id: `${sid}-g0`, startDateTime: start, endDateTime: end, caller: participantEndpoint(leg.participant), callee: serviceEndpoint(), media, ...failureInfo };
    return { id: sid, modalities: ['audio'], startDateTime: start, endDateTime: end, caller: participantEndpoint(leg.participant), callee: serviceEndpoint(), ...failureInfo, segments: [segment] };
  });
  const organizer = legs[0]?.participant;
  return {
    id,
    version: 1,
    type: 'groupCall',
    modalities: ['audio'],
    startDateTime: START,
    endDateTime: END,
    organizer_v2: organizer ? { id: organizer.id, identity: { user: { id: organizer.id, displayName: organizer.name } } } : null,
    participants_v2: legs.map((l) => ({ id: l.participant.id, identity: { user: { id: l.participant.id } } })),
    sessions,
  };
}

/** `first` with the sessions of `later` appended: one record for a call that was set up more than once between the same people. */
export function withSessionsOf(first: Fields, ...later: readonly Fields[]): Fields {
  const sessionsOf = (record: Fields): unknown[] => (Array.isArray(record.sessions) ? record.sessions : []);
  return { ...first, sessions: [first, ...later].flatMap(sessionsOf) };
}
