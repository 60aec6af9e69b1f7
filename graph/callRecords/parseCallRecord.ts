// The only checks graph/ makes on a record's shape: what it needs to page, cache and index.
// Unknown properties and enum values pass through untouched (Graph adds them over time).
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import { GraphError } from '../errors.js';

export type RawCallRecord = CallRecords.CallRecord & { readonly id: string; readonly [annotation: `${string}@odata.nextLink`]: string | undefined };

export function checkCallRecord(json: unknown, callId: string | undefined): RawCallRecord {
  const problem = describeProblem(json, callId);
  if (problem) throw new GraphError(`Microsoft Graph returned an unreadable call record: ${problem}`, 502, 'UnreadableCallRecord', undefined);
  return json as RawCallRecord;
}

function describeProblem(json: unknown, callId: string | undefined): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'not a JSON object';
  const record = json as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') return 'no id';
  if (callId !== undefined && record.id.toLowerCase() !== callId.toLowerCase()) return `asked for ${callId}, got ${record.id}`;
  if (typeof record.startDateTime !== 'string' || Number.isNaN(Date.parse(record.startDateTime))) return `startDateTime is not a date-time in ${record.id}`;
  for (const nav of ['sessions', 'participants_v2']) {
    if (record[nav] !== undefined && record[nav] !== null && !Array.isArray(record[nav])) return `${nav} is not a collection in ${record.id}`;
  }
  return undefined;
}
