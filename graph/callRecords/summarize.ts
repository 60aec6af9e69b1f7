// What the index keeps about a call, derived from a list entry or a full record.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { CallSummary, ParticipantRef } from '../contract.js';

interface IdentityLike {
  readonly id?: string | null;
  readonly displayName?: string | null;
}

/** The identity set is open: newer payloads add keys (acsUser, spoolUser...), so read only what is known. */
type IdentitySetLike = Readonly<Record<string, IdentityLike | null | undefined>>;

export function participantRef(participant: CallRecords.ParticipantBase | null | undefined): ParticipantRef | null {
  if (!participant?.id) return null;
  const identity = (participant.identity ?? {}) as IdentitySetLike;
  const [kind, found] = classify(identity);
  return { id: participant.id, displayName: found?.displayName ?? null, kind };
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

/** `participants` null: a list entry, which does not carry them. */
export function summarize(record: CallRecords.CallRecord & { readonly id: string }, participants: readonly ParticipantRef[] | null): CallSummary {
  return {
    id: record.id,
    version: typeof record.version === 'number' ? record.version : null,
    startDateTime: record.startDateTime ?? '',
    endDateTime: record.endDateTime ?? record.startDateTime ?? '',
    type: record.type ?? 'unknown',
    modalities: Array.isArray(record.modalities) ? [...record.modalities] : [],
    organizer: participantRef(record.organizer_v2),
    participants,
  };
}

/** People the index files a call under: every Entra user who took part (and the organizer). */
export function indexedUserIds(summary: CallSummary): string[] {
  const ids = new Set<string>();
  if (summary.organizer?.kind === 'user') ids.add(summary.organizer.id.toLowerCase());
  for (const p of summary.participants ?? []) if (p.kind === 'user') ids.add(p.id.toLowerCase());
  return [...ids];
}
