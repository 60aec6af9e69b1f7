// Builders for call records shaped like Graph's GET callRecords/{id}?$expand=sessions($expand=segments)
// with participants_v2 merged in (graph/'s FullCallRecord). Tests describe a call in a few words.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { CallSummary, FullCallRecord } from '../../graph/contract.js';
import { indexEntries } from '../../graph/index.js';
import { ALEX } from './activities.js';
import type { TestPerson } from './activities.js';

/** What went wrong, in terms the fake diagnosis (and a reader) understands. */
export type TestQuality = 'good' | 'packet-loss' | 'dropped' | 'setup-failed' | 'no-data';

export interface TestCallOptions {
  readonly id: string;
  readonly start: string;
  readonly minutes?: number;
  /** Everyone else on the call. */
  readonly with?: readonly TestPerson[];
  /** A phone participant (E.164). */
  readonly phone?: string;
  /** The user whose call it is; Alex unless said otherwise. Use `null` for a call without them. */
  readonly asker?: TestPerson | null;
  readonly quality?: TestQuality;
  readonly modalities?: CallRecords.Modality[];
  readonly version?: number;
  /** deviceInfo the asker's client reported (e.g. { captureNotFunctioningEventRatio: 0.6 }), for the real diagnosis. */
  readonly askerDevice?: Readonly<Record<string, number>>;
}

export function testCall(options: TestCallOptions): FullCallRecord {
  const start = new Date(options.start);
  const end = new Date(start.getTime() + (options.minutes ?? 10) * 60_000);
  const people = [...(options.asker === null ? [] : [options.asker ?? ALEX]), ...(options.with ?? [])];
  const quality = options.quality ?? 'good';
  const participants: CallRecords.Participant[] = people.map((person) => ({
    id: person.id,
    identity: { user: { id: person.id, displayName: person.name, tenantId: 'tenant' } },
  }));
  if (options.phone) participants.push({ id: options.phone, identity: { phone: { id: options.phone } } });

  const sessions: CallRecords.Session[] = people.slice(1).map((other, index) => session(`${options.id}-s${index}`, people[0]!, other, start, end, quality, options.askerDevice));
  return {
    id: options.id,
    version: options.version ?? 1,
    type: people.length + (options.phone ? 1 : 0) > 2 ? 'groupCall' : 'peerToPeer',
    modalities: options.modalities ?? ['audio'],
    startDateTime: start.toISOString(),
    endDateTime: end.toISOString(),
    lastModifiedDateTime: new Date(end.getTime() + 20 * 60_000).toISOString(),
    organizer_v2: participants[0] ?? null,
    participants_v2: participants,
    sessions,
  } as FullCallRecord;
}

function endpoint(person: TestPerson): CallRecords.ParticipantEndpoint {
  return {
    '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
    associatedIdentity: { id: person.id, displayName: person.name },
    userAgent: { '@odata.type': '#microsoft.graph.callRecords.clientUserAgent', platform: 'windows', productFamily: 'teams' },
  } as CallRecords.ParticipantEndpoint;
}

function session(id: string, caller: TestPerson, callee: TestPerson, start: Date, end: Date, quality: TestQuality, callerDevice?: Readonly<Record<string, number>>): CallRecords.Session {
  const failureInfo = quality === 'setup-failed' ? { stage: 'callSetup', reason: 'unknown' } : quality === 'dropped' ? { stage: 'midcall', reason: 'unknown' } : null;
  const lossRate = quality === 'packet-loss' ? 0.15 : 0.001;
  const media = quality === 'no-data' ? [] : [{
    label: 'main-audio',
    ...(callerDevice ? { callerDevice: { ...callerDevice } } : {}),
    streams: [
      { streamDirection: 'callerToCallee', averagePacketLossRate: lossRate, averageJitter: 'PT0.010S', averageRoundTripTime: 'PT0.050S' },
      { streamDirection: 'calleeToCaller', averagePacketLossRate: 0.001, averageJitter: 'PT0.008S', averageRoundTripTime: 'PT0.050S' },
    ],
  }];
  return {
    id,
    modalities: ['audio'],
    startDateTime: start.toISOString(),
    endDateTime: end.toISOString(),
    caller: endpoint(caller),
    callee: endpoint(callee),
    ...(failureInfo ? { failureInfo } : {}),
    segments: [{ id, startDateTime: start.toISOString(), endDateTime: end.toISOString(), caller: endpoint(caller), callee: endpoint(callee), media, ...(failureInfo ? { failureInfo } : {}) }],
  } as CallRecords.Session;
}

/** The index entry graph/ keeps for a record, as recentCalls returns it (for `userId`, else for its first user). */
export function summaryOf(record: FullCallRecord, participantsKnown = true, userId?: string): CallSummary {
  const entries = indexEntries(record);
  const entry = (userId === undefined ? undefined : entries.get(userId.toLowerCase())) ?? entries.values().next().value;
  return {
    id: record.id,
    version: record.version ?? null,
    startDateTime: record.startDateTime!,
    endDateTime: record.endDateTime!,
    type: record.type ?? 'unknown',
    modalities: record.modalities ?? [],
    organizer: null,
    counterparts: participantsKnown ? (entry?.counterparts ?? { people: [], total: 0 }) : null,
  };
}

/** `count` distinct colleagues for big meetings ("the all hands"). */
export function testPeople(count: number, prefix = 'Colleague'): TestPerson[] {
  return Array.from({ length: count }, (_, i) => ({ id: `99999999-eeee-4eee-8eee-${String(i + 1).padStart(12, '0')}`, name: `${prefix} ${i + 1}` }));
}
