// parseCallRecord: is this JSON one call record the engine can diagnose? Names what is wrong
// otherwise, so the CLI and the tab API can say it to a person.
import type { CallRecordInput } from './input.js';
import { arr, obj, str } from './read.js';

export type ParseResult =
  | { readonly ok: true; readonly record: CallRecordInput; /** Readable, not fatal: e.g. sessions left on a next page. */ readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problem: string };

/** A record saved from one Graph page may miss sessions or participants that sit on the next page. */
function pagingWarnings(root: Readonly<Record<string, unknown>>): string[] {
  const warnings: string[] = [];
  if (typeof root['sessions@odata.nextLink'] === 'string' || typeof root['@odata.nextLink'] === 'string') {
    warnings.push('more sessions are on a next page (an @odata.nextLink is present) that this record does not include; the diagnosis covers only the sessions present');
  }
  if (typeof root['participants_v2@odata.nextLink'] === 'string') warnings.push('more participants are on a next page that this record does not include');
  return warnings;
}

const CALL_RECORD_ID_IN_CONTEXT = /callRecords\('([^']+)'\)\/sessions/;

function looksLikeSession(value: unknown): boolean {
  const s = obj(value);
  return s !== null && (s.caller !== undefined || s.callee !== undefined || s.segments !== undefined);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Graph's collections are JSON arrays; an object in their place would be silently read as empty. */
function listProblem(sessions: readonly unknown[]): string | null {
  for (let i = 0; i < sessions.length; i++) {
    const segments = obj(sessions[i])?.segments;
    if (segments !== undefined && segments !== null && !Array.isArray(segments)) return `"sessions[${i}].segments" must be an array of segments but is ${describe(segments)}`;
    const list = arr(segments);
    for (let j = 0; j < list.length; j++) {
      const media = obj(list[j])?.media;
      if (media !== undefined && media !== null && !Array.isArray(media)) return `"sessions[${i}].segments[${j}].media" must be an array of media lines but is ${describe(media)}`;
      const lines = arr(media);
      for (let k = 0; k < lines.length; k++) {
        const streams = obj(lines[k])?.streams;
        if (streams !== undefined && streams !== null && !Array.isArray(streams)) return `"sessions[${i}].segments[${j}].media[${k}].streams" must be an array of streams but is ${describe(streams)}`;
      }
    }
  }
  return null;
}

export function parseCallRecord(json: unknown): ParseResult {
  const root = obj(json);
  if (!root) return { ok: false, problem: `expected a call record (a JSON object) but got ${describe(json)}` };
  if (root.error !== undefined && obj(root.error)) {
    const message = str(obj(root.error)?.message);
    return { ok: false, problem: `this is a Graph error response, not a call record${message ? `: ${message}` : ''}` };
  }
  const value = root.value;
  if (Array.isArray(value) && root.id === undefined) {
    // A page of GET .../callRecords/{id}/sessions?$expand=segments: wrap it into its record.
    if (value.length > 0 && value.every(looksLikeSession)) {
      const context = str(root['@odata.context']) ?? '';
      const id = CALL_RECORD_ID_IN_CONTEXT.exec(context)?.[1] ?? str(obj(value[0])?.id) ?? 'unknown';
      return { ok: true, record: { id, sessions: value as CallRecordInput['sessions'] } as CallRecordInput, warnings: pagingWarnings(root) };
    }
    return { ok: false, problem: 'this is a list response (it has "value"), not one call record; fetch one with GET /communications/callRecords/{id}?$expand=sessions($expand=segments)' };
  }
  const id = root.id;
  if (typeof id !== 'string' || id.trim() === '') return { ok: false, problem: 'the object has no "id" string, so it is not a call record' };
  if (root.sessions !== undefined && root.sessions !== null && !Array.isArray(root.sessions)) {
    return { ok: false, problem: `"sessions" must be an array of sessions but is ${describe(root.sessions)}` };
  }
  const hasCallShape = root.sessions !== undefined || root.startDateTime !== undefined || root.modalities !== undefined || root.type !== undefined || root.organizer_v2 !== undefined;
  if (!hasCallShape) return { ok: false, problem: 'the object has none of the call record fields (sessions, startDateTime, type, modalities, organizer_v2)' };
  if (arr(root.sessions).some((s) => obj(s) === null)) return { ok: false, problem: '"sessions" contains an entry that is not an object' };
  const misshapen = listProblem(arr(root.sessions));
  if (misshapen) return { ok: false, problem: misshapen };
  return { ok: true, record: root as CallRecordInput, warnings: pagingWarnings(root) };
}

/**
 * The organizer's Entra id: the default point of view when no user is given. A sessions page
 * carries no organizer, so the first session's caller (who started the call) stands in.
 */
export function organizerId(record: CallRecordInput): string | null {
  const root = obj(record);
  if (!root) return null;
  const v2 = obj(root.organizer_v2);
  const organizer = str(v2?.id) ?? str(obj(obj(v2?.identity)?.user)?.id) ?? str(obj(obj(root.organizer)?.user)?.id);
  if (organizer) return organizer;
  const caller = obj(obj(arr(root.sessions)[0])?.caller);
  return str(obj(caller?.associatedIdentity)?.id) ?? str(obj(obj(caller?.identity)?.user)?.id);
}
