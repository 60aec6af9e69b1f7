// One person as a call record names them: participant or identity set to a ParticipantRef.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { ParticipantRef } from '../contract.js';

/** Entra display names are at most 256 characters; longer ones are cut so a row stays bounded. */
const MAX_NAME_CHARS = 256;

interface IdentityLike {
  readonly id?: string | null;
  readonly displayName?: string | null;
}

/** The identity set is open: newer payloads add keys (acsUser, spoolUser...), so read only what is known. */
export type IdentitySetLike = Readonly<Record<string, IdentityLike | null | undefined>>;

export function participantRef(participant: CallRecords.ParticipantBase | null | undefined): ParticipantRef | null {
  if (!participant?.id) return null;
  const identity = (participant.identity ?? {}) as IdentitySetLike;
  const [kind, found] = classify(identity);
  return { id: participant.id, displayName: nameOf(found), kind };
}

/** The person an identity set names, by the id of the identity that classifies them; null when it has no id. */
export function identityRef(identity: IdentitySetLike): ParticipantRef | null {
  const [kind, found] = classify(identity);
  return found?.id ? { id: found.id, displayName: nameOf(found), kind } : null;
}

function nameOf(identity: IdentityLike | undefined): string | null {
  const name = identity?.displayName;
  return typeof name === 'string' ? name.slice(0, MAX_NAME_CHARS) : null;
}

function classify(identity: IdentitySetLike): [ParticipantRef['kind'], IdentityLike | undefined] {
  const pick = (key: string): IdentityLike | undefined => identity[key] ?? undefined;
  if (pick('user')) return ['user', pick('user')];
  if (pick('phone')) return ['phone', pick('phone')];
  if (pick('guest')) return ['guest', pick('guest')];
  const app = pick('application') ?? pick('applicationInstance');
  if (app) return ['application', app];
  const other = Object.values(identity).find((v): v is IdentityLike => typeof v === 'object' && v !== null && 'displayName' in v);
  return ['unknown', other];
}
