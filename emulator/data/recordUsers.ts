// --records DIR has no directory of users: the people named in the records stand in for it, so
// demo sign-in (the tab) and user tokens work for them as for a generated tenant's users.
import type { TenantUser } from './types.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function userOf(identitySet: unknown): { id: string; displayName?: string } | undefined {
  if (!isObject(identitySet) || !isObject(identitySet.user)) return undefined;
  const { id, displayName } = identitySet.user;
  if (typeof id !== 'string' || id === '') return undefined;
  return { id, ...(typeof displayName === 'string' && displayName !== '' && { displayName }) };
}

function* identitiesIn(record: Json): Generator<unknown> {
  for (const key of ['organizer_v2', 'organizer']) {
    const organizer = record[key];
    yield isObject(organizer) && 'identity' in organizer ? organizer.identity : organizer;
  }
  for (const participant of Array.isArray(record.participants_v2) ? record.participants_v2 : []) if (isObject(participant)) yield participant.identity;
  for (const participant of Array.isArray(record.participants) ? record.participants : []) yield participant;
  for (const session of Array.isArray(record.sessions) ? record.sessions : []) {
    if (!isObject(session)) continue;
    for (const segment of [session, ...(Array.isArray(session.segments) ? session.segments : [])]) {
      if (!isObject(segment)) continue;
      for (const end of [segment.caller, segment.callee]) if (isObject(end)) yield end.identity;
    }
  }
}

/** Every user named in the records, once, with the first display name any record gives them. */
export function usersInRecords(records: readonly unknown[]): TenantUser[] {
  const found = new Map<string, { id: string; displayName?: string }>();
  for (const record of records) {
    if (!isObject(record)) continue;
    for (const identity of identitiesIn(record)) {
      const user = userOf(identity);
      if (!user) continue;
      const key = user.id.toLowerCase();
      const known = found.get(key);
      if (!known) found.set(key, user);
      else if (!known.displayName && user.displayName) found.set(key, { ...known, displayName: user.displayName });
    }
  }
  return [...found.values()].map(({ id, displayName }) => {
    const name = displayName ?? `User ${id.slice(0, 8)}`;
    // The records carry no UPN; this one is only for demo sign-in and never leaves the emulator's tenant.
    const userPrincipalName = `${id.toLowerCase()}@records.invalid`;
    return { id, displayName: name, userPrincipalName, mail: userPrincipalName };
  });
}
