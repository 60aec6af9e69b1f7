// Whole callRecord objects: a peer-to-peer call is one session between the two people; a group
// call or meeting is one session per participant with the conferencing server (AV MCU), so
// whose leg is whose is always known.
import { mediaLines, participantSide, phoneSide, serviceSide, type Participant } from './media.js';
import type { Rng } from './random.js';
import type { TenantUser } from './types.js';

export interface Failure {
  readonly stage: 'callSetup' | 'midcall';
  readonly reason: string;
}

export interface CallTiming {
  readonly start: Date;
  readonly seconds: number;
  /** The emulator's "now": lastModifiedDateTime never lies in the future. */
  readonly now: Date;
}

interface CallBase {
  readonly id: string;
  readonly tenantId: string;
  readonly timing: CallTiming;
  readonly video: boolean;
}

export interface PeerToPeerCall extends CallBase {
  readonly caller: Participant;
  readonly callee: Participant;
  readonly failure?: Failure;
}

export interface MeetingCall extends CallBase {
  readonly organizer: TenantUser;
  readonly attendees: readonly MeetingAttendee[];
  readonly joinWebUrl: string;
}

export interface MeetingAttendee {
  readonly participant: Participant;
  /** Seconds after the meeting start this person joined, and how long they stayed. */
  readonly joinOffset: number;
  readonly seconds: number;
  readonly failure?: Failure;
  /** Guests and phone dial-ins appear in participants_v2 but have no client telemetry here. */
  readonly sessionId?: string;
  /** Loss the conferencing server added on its leg to the phone gateway, inside this person's session. */
  readonly serviceFault?: number;
}

export interface PhoneCall extends CallBase {
  readonly caller: Participant;
  /** E.164 number of the party on the public phone network. */
  readonly number: string;
  /** Loss on the carrier's leg beyond Microsoft's phone gateway. */
  readonly carrierLoss: number;
}

const at = (start: Date, offsetSeconds: number): Date => new Date(start.getTime() + offsetSeconds * 1000);

export function peerToPeerRecord(call: PeerToPeerCall, rng: Rng): Record<string, unknown> {
  const { start, seconds } = call.timing;
  const end = at(start, seconds);
  const modalities = call.video ? ['audio', 'video'] : ['audio'];
  const caller = participantSide(call.caller, call.tenantId, rng);
  const callee = participantSide(call.callee, call.tenantId, rng);
  // A call that never connected has no media; a dropped one has media up to the drop.
  const media = call.failure?.stage === 'callSetup' ? [] : mediaLines(caller, callee, start, end, call.video, rng);
  const segment = { startDateTime: start.toISOString(), endDateTime: end.toISOString(), id: call.id, caller: caller.endpoint, callee: callee.endpoint, failureInfo: call.failure ?? null, media };
  const session = { modalities, startDateTime: start.toISOString(), endDateTime: end.toISOString(), id: call.id, isTest: false, caller: caller.endpoint, callee: callee.endpoint, failureInfo: call.failure ?? null, segments: [segment] };
  return recordShell(call, 'peerToPeer', modalities, end, call.caller.user, [call.caller.user, call.callee.user], [session], rng);
}

export function meetingRecord(call: MeetingCall, rng: Rng): Record<string, unknown> {
  const { start, seconds } = call.timing;
  const end = at(start, seconds);
  const modalities = call.video ? ['audio', 'video'] : ['audio'];
  const sessions = call.attendees.map((a) => {
    const joined = at(start, a.joinOffset);
    const left = at(joined, a.seconds);
    const caller = participantSide(a.participant, call.tenantId, rng);
    const mcu = serviceSide('skypeForBusinessAudioVideoMcu', rng);
    const media = a.failure?.stage === 'callSetup' ? [] : mediaLines(caller, mcu, joined, left, call.video, rng);
    const id = a.sessionId ?? rng.uuid();
    const segment = { startDateTime: joined.toISOString(), endDateTime: left.toISOString(), id, caller: caller.endpoint, callee: mcu.endpoint, failureInfo: a.failure ?? null, media };
    const segments: Record<string, unknown>[] = [segment];
    if (a.serviceFault !== undefined) {
      // A second segment inside Microsoft's network: the conferencing server bridging a dial-in through the phone gateway.
      const faulty = serviceSide('skypeForBusinessAudioVideoMcu', rng, a.serviceFault);
      const gateway = serviceSide('mediationServer', rng);
      segments.push({ startDateTime: joined.toISOString(), endDateTime: left.toISOString(), id: rng.uuid(), caller: faulty.endpoint, callee: gateway.endpoint, failureInfo: null, media: mediaLines(faulty, gateway, joined, left, false, rng) });
    }
    return { modalities, startDateTime: joined.toISOString(), endDateTime: left.toISOString(), id, isTest: false, caller: caller.endpoint, callee: mcu.endpoint, failureInfo: a.failure ?? null, segments };
  });
  const people = dedupe([call.organizer, ...call.attendees.map((a) => a.participant.user)]);
  const record = recordShell(call, 'groupCall', modalities, end, call.organizer, people, sessions, rng);
  return { ...record, joinWebUrl: call.joinWebUrl };
}

/** A call to a phone number: one session, two segments (to Microsoft's phone gateway, and the gateway's leg to the carrier). */
export function phoneCallRecord(call: PhoneCall, rng: Rng): Record<string, unknown> {
  const { start, seconds } = call.timing;
  const end = at(start, seconds);
  const caller = participantSide(call.caller, call.tenantId, rng);
  const gateway = serviceSide('mediationServer', rng);
  const phone = phoneSide(call.number, call.carrierLoss, rng);
  const window = { startDateTime: start.toISOString(), endDateTime: end.toISOString() };
  const segments = [
    { ...window, id: call.id, caller: caller.endpoint, callee: gateway.endpoint, failureInfo: null, media: mediaLines(caller, gateway, start, end, false, rng) },
    { ...window, id: rng.uuid(), caller: gateway.endpoint, callee: phone.endpoint, failureInfo: null, media: mediaLines(gateway, phone, start, end, false, rng) },
  ];
  const session = { modalities: ['audio'], ...window, id: call.id, isTest: false, caller: caller.endpoint, callee: phone.endpoint, failureInfo: null, segments };
  return recordShell(call, 'peerToPeer', ['audio'], end, call.caller.user, [call.caller.user], [session], rng);
}

function recordShell(call: CallBase, type: string, modalities: string[], end: Date, organizer: TenantUser, people: readonly TenantUser[], sessions: unknown[], rng: Rng): Record<string, unknown> {
  // Most records are revised once as late client telemetry arrives (list examples show version 2).
  const revised = rng.chance(0.6);
  const modified = new Date(Math.min(call.timing.now.getTime(), end.getTime() + rng.int(revised ? 15 : 3, revised ? 70 : 12) * 60_000));
  const identity = (u: TenantUser): Record<string, unknown> => ({ user: { id: u.id, displayName: u.displayName, tenantId: call.tenantId, userPrincipalName: u.userPrincipalName } });
  return {
    version: revised ? 2 : 1,
    type,
    modalities,
    lastModifiedDateTime: modified.toISOString(),
    startDateTime: call.timing.start.toISOString(),
    endDateTime: end.toISOString(),
    id: call.id,
    joinWebUrl: null,
    organizer_v2: { id: organizer.id, identity: identity(organizer) },
    participants_v2: people.map((u) => ({ id: u.id, identity: identity(u) })),
    sessions,
  };
}

function dedupe(users: readonly TenantUser[]): TenantUser[] {
  const seen = new Set<string>();
  return users.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}
