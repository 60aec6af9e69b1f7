// One call for the detail page: the diagnosis, and Graph's sessions (the viewed user's own legs
// first) with each stream's CQD classes. Other people's IP, subnet and MAC addresses are removed
// and every phone number is masked: the viewer sees how the call went, not where others were.
import { maskPhoneNumber, type Diagnosis, type StreamQuality } from '../../../diagnosis/index.js';
import type { FullCallRecord } from '../../../graph/index.js';
import { describeCall } from '../../../bot/calls/callFacts.js';
import { sameId } from '../../../bot/calls/participants.js';
import type { ApiSession, CallDetailResponse } from '../contract.js';
import { streamClasses } from './metricClasses.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Json => x !== null) : []);

/** Network fields that locate a person; kept only on the viewed user's own side. */
const LOCATING_FIELDS = ['ipAddress', 'subnet', 'macAddress', 'reflexiveIPAddress', 'basicServiceSetIdentifier'];

function endpointIsUser(endpoint: unknown, userId: string): boolean {
  const e = obj(endpoint);
  if (!e) return false;
  const ids = [obj(e.associatedIdentity)?.id, ...Object.values(obj(e.identity) ?? {}).map((i) => obj(i)?.id)];
  return ids.some((id) => typeof id === 'string' && sameId(id, userId));
}

function withoutLocation(network: unknown): unknown {
  const n = obj(network);
  if (!n) return network;
  return Object.fromEntries(Object.entries(n).filter(([k]) => !LOCATING_FIELDS.includes(k)));
}

/** Masks every phone identity (id and a number used as display name) in an identity set or endpoint, deeply. */
function maskPhones(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPhones);
  const o = obj(value);
  if (!o) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'phone' && obj(v)) {
      const phone = obj(v)!;
      out[k] = { ...phone, id: typeof phone.id === 'string' ? maskPhoneNumber(phone.id) : phone.id, displayName: typeof phone.displayName === 'string' && /^\+?[\d\s().*-]{6,}$/.test(phone.displayName) ? maskPhoneNumber(phone.displayName) : (phone.displayName ?? null) };
    } else if (k === 'id' && typeof v === 'string' && /^\+\d{6,}$/.test(v)) {
      // A phone participant's participant id is its number.
      out[k] = maskPhoneNumber(v);
    } else out[k] = maskPhones(v);
  }
  return out;
}

function streamKey(segmentId: string, label: string | null, direction: string): string {
  return `${segmentId}|${label ?? ''}|${direction}`;
}

export function callDetail(record: FullCallRecord, diagnosis: Diagnosis, viewedUserId: string, helpdesk: boolean): CallDetailResponse {
  const qualities = new Map<string, StreamQuality>();
  for (const segment of diagnosis.segments) for (const s of segment.streams) qualities.set(streamKey(s.segmentId, s.mediaLabel, s.direction), s);
  const userSegments = new Set(diagnosis.segments.filter((s) => s.involvesUser).map((s) => s.segmentId));

  const sessions = list(record.sessions).map((session) => {
    const segments = list(session.segments).map((segment) => {
      const id = String(segment.id ?? '');
      const callerIsUser = endpointIsUser(segment.caller ?? session.caller, viewedUserId);
      const calleeIsUser = endpointIsUser(segment.callee ?? session.callee, viewedUserId);
      const media = list(segment.media).map((m) => ({
        ...m,
        callerNetwork: callerIsUser ? m.callerNetwork : withoutLocation(m.callerNetwork),
        calleeNetwork: calleeIsUser ? m.calleeNetwork : withoutLocation(m.calleeNetwork),
        streams: list(m.streams).map((stream) => {
          const quality = qualities.get(streamKey(id, typeof m.label === 'string' ? m.label : null, String(stream.streamDirection ?? 'unknown')));
          return { ...stream, cqd: quality ? streamClasses(quality) : null };
        }),
      }));
      return { ...(maskPhones(segment) as Json), id, media, involvesUser: userSegments.has(id) || callerIsUser || calleeIsUser };
    });
    const involvesUser = segments.some((s) => s.involvesUser) || endpointIsUser(session.caller, viewedUserId) || endpointIsUser(session.callee, viewedUserId);
    return { ...(maskPhones(session) as Json), id: String(session.id ?? ''), segments, involvesUser } as unknown as ApiSession;
  });
  // The user's own legs first; otherwise Graph's order (stable sort).
  sessions.sort((a, b) => Number(b.involvesUser) - Number(a.involvesUser));

  const facts = describeCall(record, viewedUserId);
  return {
    id: record.id,
    version: typeof record.version === 'number' ? record.version : null,
    startDateTime: record.startDateTime ?? null,
    endDateTime: record.endDateTime ?? null,
    type: record.type ?? null,
    modalities: [...(record.modalities ?? [])],
    with: facts.others,
    diagnosis: { verdict: diagnosis.verdict, summary: diagnosis.summary, causes: diagnosis.causes, notes: diagnosis.notes ?? [], rejoined: diagnosis.rejoined === true },
    sessions,
    participants: maskPhones(record.participants_v2 ?? []) as CallDetailResponse['participants'],
    viewedUserId,
    helpdesk,
  };
}
