// Override-able builders for graph/ values, for tests here and in other folders.
import type { CallSummary, FullCallRecord, ParticipantRef } from '../contract.js';

export function aParticipant(overrides: Partial<ParticipantRef> = {}): ParticipantRef {
  return { id: '821809f5-0000-0000-0000-3b5136c0e777', displayName: 'Abbie Wilkins', kind: 'user', ...overrides };
}

export function aCallSummary(overrides: Partial<CallSummary> = {}): CallSummary {
  const id = overrides.id ?? 'e523d2ed-2966-4b6b-925b-754a88034cc5';
  return {
    id,
    version: 1,
    startDateTime: '2026-11-20T09:00:00Z',
    endDateTime: '2026-11-20T09:30:00Z',
    type: 'peerToPeer',
    modalities: ['audio'],
    organizer: aParticipant(),
    counterparts: { people: [aParticipant({ id: 'b1a5e3c0-0000-0000-0000-00000000b0b0', displayName: 'Bob Kelly' })], total: 1 },
    ...overrides,
  };
}

/** A record with `sessionCount` sessions (one segment each) and `participantCount` participants. */
export function aFullCallRecord(
  overrides: Partial<FullCallRecord> = {},
  shape: { readonly sessionCount?: number; readonly participantCount?: number } = {},
): FullCallRecord {
  const id = overrides.id ?? 'e523d2ed-2966-4b6b-925b-754a88034cc5';
  const start = overrides.startDateTime ?? '2026-11-20T09:00:00Z';
  const end = overrides.endDateTime ?? '2026-11-20T09:30:00Z';
  const participants = Array.from({ length: shape.participantCount ?? 2 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    identity: { user: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `Person ${i}` } },
  }));
  const sessions = Array.from({ length: shape.sessionCount ?? 1 }, (_, i) => ({
    id: `${id.slice(0, 24)}${String(i).padStart(12, '0')}`,
    startDateTime: start,
    endDateTime: end,
    modalities: ['audio' as const],
    segments: [{ id: `segment-${i}`, startDateTime: start, endDateTime: end, media: [{ label: 'main-audio', streams: [] }] }],
  }));
  return {
    id,
    version: 1,
    type: 'peerToPeer',
    modalities: ['audio'],
    startDateTime: start,
    endDateTime: end,
    lastModifiedDateTime: end,
    organizer_v2: participants[0] ?? null,
    sessions,
    participants_v2: participants,
    ...overrides,
  };
}
