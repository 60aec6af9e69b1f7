// Everyone a full record names, and who shared a session with whom. participants_v2 is the list
// Graph keeps, but it can be missing (the documentation's own sessions example has none), so the
// organizer and every session and segment endpoint count too: the index must file the call under
// each user the record knows, or "my last call" misses it.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { FullCallRecord, ParticipantRef } from '../contract.js';
import { identityRef, participantRef, type IdentitySetLike } from './participantRef.js';

export interface RecordPeople {
  /** Everyone named, once each (by lower-cased id): participants_v2 first, then the organizer, then endpoints. */
  readonly everyone: readonly ParticipantRef[];
  /** Lower-cased id to the lower-cased ids of the people they shared a session (caller and callee) with. */
  readonly sessionPeers: ReadonlyMap<string, ReadonlySet<string>>;
}

interface IdentityLike {
  readonly id?: string | null;
  readonly displayName?: string | null;
}

type EndpointLike = CallRecords.Endpoint & { readonly associatedIdentity?: IdentityLike | null; readonly identity?: IdentitySetLike | null };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function recordPeople(record: FullCallRecord): RecordPeople {
  const byId = new Map<string, ParticipantRef>();
  const add = (person: ParticipantRef | null): string | undefined => {
    if (!person) return undefined;
    const key = person.id.toLowerCase();
    const known = byId.get(key);
    // A later mention may be the only one that names the person, or the only one that knows they are a user.
    if (!known) byId.set(key, person);
    else if ((known.displayName === null && person.displayName !== null) || (known.kind === 'unknown' && person.kind !== 'unknown')) {
      byId.set(key, { id: known.id, displayName: known.displayName ?? person.displayName, kind: known.kind === 'unknown' ? person.kind : known.kind });
    }
    return key;
  };
  for (const participant of record.participants_v2 ?? []) add(participantRef(participant));
  add(participantRef(record.organizer_v2));

  const sessionPeers = new Map<string, Set<string>>();
  const pair = (a: string | undefined, b: string | undefined) => {
    if (a === undefined || b === undefined || a === b) return;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      let peers = sessionPeers.get(from);
      if (!peers) sessionPeers.set(from, (peers = new Set()));
      peers.add(to);
    }
  };
  for (const session of record.sessions ?? []) {
    pair(add(endpointRef(session.caller)), add(endpointRef(session.callee)));
    for (const segment of session.segments ?? []) pair(add(endpointRef(segment.caller)), add(endpointRef(segment.callee)));
  }
  return { everyone: [...byId.values()], sessionPeers };
}

/** A participant endpoint's person: the deprecated identity set when it names one, else associatedIdentity. Service endpoints have neither. */
function endpointRef(endpoint: CallRecords.Endpoint | null | undefined): ParticipantRef | null {
  const e = endpoint as EndpointLike | null | undefined;
  if (!e) return null;
  const fromIdentity = e.identity ? identityRef(e.identity) : null;
  if (fromIdentity) return fromIdentity;
  const associated = e.associatedIdentity;
  if (!associated?.id) return null;
  // associatedIdentity carries no kind; an Entra object id (a GUID) is a user's.
  return { id: associated.id, displayName: associated.displayName ?? null, kind: GUID.test(associated.id) ? 'user' : 'unknown' };
}
