// What the index keeps about a call, derived from a list entry or a full record. A row is per
// user and bounded: the call, its time, type, modalities, organizer and at most
// MAX_COUNTERPARTS other people, so a 1,000-person meeting costs 1,000 small rows, not 1,000
// copies of its participant list.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { CallSummary, FullCallRecord, ParticipantRef } from '../contract.js';
import { participantRef } from './participantRef.js';
import { recordPeople } from './recordPeople.js';

/** Other people kept on a user's index row: whoever shared a session with them first, then the organizer, then the rest. */
export const MAX_COUNTERPARTS = 20;
/** A list entry's summary: it carries no participants, so counterparts are unknown (null). */
export function summarize(record: CallRecords.CallRecord & { readonly id: string }): CallSummary {
  return {
    id: record.id,
    version: typeof record.version === 'number' ? record.version : null,
    startDateTime: record.startDateTime ?? '',
    endDateTime: record.endDateTime ?? record.startDateTime ?? '',
    type: record.type ?? 'unknown',
    modalities: Array.isArray(record.modalities) ? [...record.modalities] : [],
    organizer: participantRef(record.organizer_v2),
    counterparts: null,
  };
}

/**
 * The index rows of a full record: one per Entra user it names anywhere (participants_v2, the
 * organizer, session and segment endpoints), keyed by lower-cased id, each with that user's
 * bounded counterparts.
 */
export function indexEntries(record: FullCallRecord): Map<string, CallSummary> {
  const base = summarize(record);
  const { everyone, sessionPeers } = recordPeople(record);
  const byId = new Map(everyone.map((p) => [p.id.toLowerCase(), p]));
  const organizer = base.organizer && byId.get(base.organizer.id.toLowerCase());
  const entries = new Map<string, CallSummary>();
  for (const person of everyone) {
    if (person.kind !== 'user') continue;
    const self = person.id.toLowerCase();
    const picked: ParticipantRef[] = [];
    const seen = new Set([self]);
    const take = (p: ParticipantRef | undefined) => {
      if (!p || picked.length >= MAX_COUNTERPARTS || seen.has(p.id.toLowerCase())) return;
      seen.add(p.id.toLowerCase());
      picked.push(p);
    };
    for (const peer of sessionPeers.get(self) ?? []) take(byId.get(peer));
    take(organizer ?? undefined);
    for (const p of everyone) {
      if (picked.length >= MAX_COUNTERPARTS) break;
      take(p);
    }
    entries.set(self, { ...base, counterparts: { people: picked, total: everyone.length - 1 } });
  }
  return entries;
}
