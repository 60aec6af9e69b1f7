// Call-record requests as data (reference: graph-callrecords.md §5.1–§5.4).
import { buckets } from '../budget/buckets.js';
import { GraphInputError } from '../errors.js';
import type { GraphRequest } from '../http/graphRequest.js';

const COLLECTION = '/communications/callRecords';
// Call ids are GUIDs; participant ids are Entra object ids (GUIDs) or E.164 numbers. Anything
// else could change the URL or the filter, so it never reaches one.
const CALL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTICIPANT_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\+?[0-9]{3,20})$/i;

export function checkCallId(callId: string): string {
  if (!CALL_ID.test(callId)) throw new GraphInputError(`"${callId.slice(0, 60)}" is not a call record id (expected a GUID)`);
  return callId;
}

export function checkParticipantId(id: string): string {
  // The value is not echoed: a mistyped id can be a phone number, which must not reach logs.
  if (!PARTICIPANT_ID.test(id)) throw new GraphInputError('The user or participant id is not an Entra object id (a GUID)');
  // Object ids are case-insensitive; the index files calls under Graph's lower-case form.
  return id.toLowerCase();
}

export interface ListFilter {
  readonly participantId?: string;
  /** Inclusive. */
  readonly since?: Date;
  /** Exclusive. */
  readonly until?: Date;
}

/**
 * Graph documents the participant and startDateTime filters separately; `combine: false` sends
 * only the participant one. `pageSize` asks for smaller pages (Prefer: odata.maxpagesize).
 */
export function listCallRecords(filter: ListFilter, combine = true, pageSize?: number): GraphRequest {
  const clauses: string[] = [];
  if (filter.participantId !== undefined) clauses.push(`participants_v2/any(p:p/id eq '${checkParticipantId(filter.participantId)}')`);
  if (combine || filter.participantId === undefined) {
    if (filter.since) clauses.push(`startDateTime ge ${odataDate(filter.since)}`);
    if (filter.until) clauses.push(`startDateTime lt ${odataDate(filter.until)}`);
  }
  const query = clauses.length > 0 ? `?$filter=${encodeURIComponent(clauses.join(' and '))}` : '';
  const headers = pageSize === undefined ? undefined : { Prefer: `odata.maxpagesize=${pageSize}` };
  return { method: 'GET', version: 'v1.0', path: `${COLLECTION}${query}`, ...(headers && { headers }), buckets: buckets.list(), logPath: COLLECTION };
}

/** The record with its first page of sessions (with segments) and, when asked, of participants. */
export function getCallRecord(callId: string, withParticipants: boolean): GraphRequest {
  const expand = withParticipants ? 'sessions($expand=segments),participants_v2' : 'sessions($expand=segments)';
  return {
    method: 'GET',
    version: 'v1.0',
    path: `${COLLECTION}/${checkCallId(callId)}?$expand=${expand}`,
    buckets: buckets.callRecord(callId),
    logPath: `${COLLECTION}/${callId}`,
  };
}

/** Just the id and version: a cheap way to learn whether a cached record is still current. */
export function getCallRecordVersion(callId: string): GraphRequest {
  return {
    method: 'GET',
    version: 'v1.0',
    path: `${COLLECTION}/${checkCallId(callId)}?$select=id,version`,
    buckets: buckets.callRecord(callId),
    logPath: `${COLLECTION}/${callId}`,
  };
}

export function listParticipants(callId: string): GraphRequest {
  return {
    method: 'GET',
    version: 'v1.0',
    path: `${COLLECTION}/${checkCallId(callId)}/participants_v2`,
    buckets: buckets.callRecord(callId),
    logPath: `${COLLECTION}/${callId}/participants_v2`,
  };
}

/** OData DateTimeOffset literal: unquoted ISO 8601 in UTC. */
function odataDate(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
