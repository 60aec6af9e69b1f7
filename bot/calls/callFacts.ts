// Facts about one call as the asker sees it: who else was there, when, how long, which media.
// Also the participation check behind "you only ever hear about calls you took part in".
import type { CallRecords, Identity } from '@microsoft/microsoft-graph-types';
import type { FullCallRecord } from '../../graph/contract.js';

export interface CallFacts {
  readonly callId: string;
  readonly start: Date;
  readonly end: Date;
  readonly durationSeconds: number;
  readonly kind: 'meeting' | 'call';
  /** Names of the other participants (phone participants by number, unnamed ones as "someone"). */
  readonly others: readonly string[];
  /** "audio", "video", "screen sharing". */
  readonly media: readonly string[];
}

const MEDIA_NAMES: Readonly<Record<string, string>> = {
  audio: 'audio',
  video: 'video',
  screenSharing: 'screen sharing',
  videoBasedScreenSharing: 'screen sharing',
};

export function describeCall(record: FullCallRecord, userId: string): CallFacts {
  const start = new Date(record.startDateTime ?? 0);
  const end = new Date(record.endDateTime ?? record.startDateTime ?? 0);
  const others = new Set<string>();
  for (const participant of record.participants_v2 ?? []) {
    if (participantIds(participant).some((id) => sameId(id, userId))) continue;
    others.add(participantName(participant.identity ?? undefined));
  }
  const media = new Set((record.modalities ?? []).map((m) => MEDIA_NAMES[m]).filter((m): m is string => m !== undefined));
  return {
    callId: record.id,
    start,
    end,
    durationSeconds: Math.max(0, (end.getTime() - start.getTime()) / 1000),
    kind: record.type === 'groupCall' ? 'meeting' : 'call',
    others: [...others],
    media: [...media],
  };
}

/** True when `userId` is a participant of the record, by participants_v2 or by a session endpoint. */
export function tookPart(record: FullCallRecord, userId: string): boolean {
  if ((record.participants_v2 ?? []).some((participant) => participantIds(participant).some((id) => sameId(id, userId)))) return true;
  return (record.sessions ?? []).some((session) => [session.caller, session.callee].some((endpoint) => sameId(endpointUserId(endpoint), userId)));
}

/** True when another participant's name matches `name` (first, last or full name, any case). */
export function hasParticipantNamed(record: FullCallRecord, userId: string, name: string): boolean {
  return describeCall(record, userId).others.some((other) => nameMatches(other, name));
}

/** "Ravi", "ravi", "Patel" and "Ravi Patel" all match "Ravi Patel". */
export function nameMatches(displayName: string | null, wanted: string): boolean {
  if (!displayName) return false;
  const name = displayName.toLowerCase();
  const asked = wanted.trim().toLowerCase();
  return name === asked || name.split(/\s+/).includes(asked) || name.startsWith(`${asked} `);
}

/** Entra object ids are GUIDs: Graph and the Teams activity may spell them in different case. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

function participantIds(participant: CallRecords.Participant): string[] {
  const identity = participant.identity;
  return [participant.id, identity?.user?.id, identity?.guest?.id].filter((id): id is string => typeof id === 'string');
}

function participantName(identity: Partial<Record<'user' | 'guest' | 'phone' | 'application' | 'applicationInstance', Identity | null>> | undefined): string {
  const named = [identity?.user, identity?.guest, identity?.applicationInstance, identity?.application].find((i) => i?.displayName);
  if (named?.displayName) return named.displayName;
  const phone = identity?.phone;
  if (phone) return phone.displayName ?? phone.id ?? 'a phone caller';
  return 'someone';
}

function endpointUserId(endpoint: CallRecords.Endpoint | null | undefined): string | undefined {
  const participantEndpoint = endpoint as CallRecords.ParticipantEndpoint | null | undefined;
  return participantEndpoint?.associatedIdentity?.id ?? participantEndpoint?.identity?.user?.id ?? undefined;
}
