// Who was on a call. participants_v2 is the list Graph keeps, but it can be missing (Microsoft's
// own sessions example has none) or file one person under another's participant id, so the
// session and segment endpoints' identities (associatedIdentity, the deprecated identity set)
// count too. Ids compare case-insensitively: Entra object ids are GUIDs.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { FullCallRecord } from '../../graph/contract.js';

interface IdentityLike {
  readonly id?: string | null;
  readonly displayName?: string | null;
}
type IdentitySetLike = Readonly<Record<string, IdentityLike | null | undefined>>;

/** One person as the record identifies them: every id it gives them and how it names them. */
export interface CallPerson {
  readonly ids: readonly string[];
  readonly displayName: string | null;
  /** The E.164 number, for a phone participant; personal data, never shown unmasked. */
  readonly phoneNumber: string | null;
}

// Named identities first: a user or guest is better known by name than by an app or a number.
const NAMED_KEYS = ['user', 'guest', 'acsUser', 'spoolUser', 'applicationInstance', 'application', 'onPremises'];

export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** True when `userId` is a participant of the record, by participants_v2 or by a session or segment endpoint. */
export function tookPart(record: FullCallRecord, userId: string): boolean {
  // participant.id counts as well as the identity: either may be the only place Graph put the user.
  if ((record.participants_v2 ?? []).some((p) => [p.id, ...personOf(p.identity).ids].some((id) => sameId(id, userId)))) return true;
  return endpointPeople(record).some((person) => person.ids.some((id) => sameId(id, userId)));
}

/** Everyone on the call except `userId`, once each, participants_v2 first. */
export function otherPeople(record: FullCallRecord, userId: string): CallPerson[] {
  const fromParticipants = (record.participants_v2 ?? []).map((p) => {
    const person = personOf(p.identity);
    // The identity says who the entry is; participant.id only when the identity has no id.
    return person.ids.length > 0 || !p.id ? person : { ...person, ids: [p.id] };
  });
  const found: CallPerson[] = [];
  for (const person of [...fromParticipants, ...endpointPeople(record)]) {
    if (person.ids.length === 0 && !person.displayName && !person.phoneNumber) continue;
    if (person.ids.some((id) => sameId(id, userId))) continue;
    if (found.some((seen) => samePerson(seen, person))) continue;
    found.push(person);
  }
  return found;
}

function samePerson(a: CallPerson, b: CallPerson): boolean {
  if (a.ids.some((id) => b.ids.some((other) => sameId(id, other)))) return true;
  // Without ids in common, only an id-less entry can be matched, by name.
  return (a.ids.length === 0 || b.ids.length === 0) && a.displayName !== null && a.displayName === b.displayName;
}

function endpointPeople(record: FullCallRecord): CallPerson[] {
  const endpoints = (record.sessions ?? []).flatMap((session) => [
    session.caller,
    session.callee,
    ...(session.segments ?? []).flatMap((segment) => [segment.caller, segment.callee]),
  ]);
  return endpoints.flatMap((endpoint) => {
    const participant = endpoint as (CallRecords.ParticipantEndpoint & { identity?: IdentitySetLike | null }) | null | undefined;
    if (!participant) return [];
    const associated = participant.associatedIdentity as IdentityLike | null | undefined;
    const person = personOf(participant.identity);
    const ids = [associated?.id, ...person.ids].filter((id): id is string => typeof id === 'string' && id !== '');
    return [{ ids, displayName: associated?.displayName ?? person.displayName, phoneNumber: person.phoneNumber }];
  });
}

function personOf(identitySet: unknown): CallPerson {
  const set = (identitySet ?? {}) as IdentitySetLike;
  const ids: string[] = [];
  let displayName: string | null = null;
  for (const key of NAMED_KEYS) {
    const identity = set[key];
    if (!identity) continue;
    if (identity.id) ids.push(identity.id);
    displayName ??= identity.displayName ?? null;
  }
  const phone = set.phone;
  if (phone?.id) ids.push(phone.id);
  return { ids, displayName: displayName ?? phone?.displayName ?? null, phoneNumber: phone?.id ?? null };
}
