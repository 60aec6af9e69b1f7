// How a stored record is written on the wire for list and get (§4, §5.1, §5.2): annotations where
// Graph puts them, navigation properties only when expanded, key order as stored.
import { contextUrl, type GraphVersion } from '../../../http/odata.js';
import { asArray, type JsonObject } from '../../../store/json.js';

export const SESSIONS_PAGE = 60;
export const PARTICIPANTS_PAGE = 130;
export const LIST_PAGE = 60;

const NAVIGATION = new Set(['sessions', 'participants_v2']);

export interface Links {
  readonly base: string;
  readonly version: GraphVersion;
}

function scalarPart(record: JsonObject, links: Links, select: Set<string> | undefined, out: JsonObject): void {
  const id = String(record.id);
  for (const [key, value] of Object.entries(record)) {
    if (NAVIGATION.has(key)) continue;
    if (select && !select.has(key) && key !== 'id' && key !== 'organizer_v2') continue;
    if (key === 'organizer_v2') out['organizer_v2@odata.context'] = contextUrl(links.base, links.version, `communications/callRecords('${id}')/organizer_v2/$entity`);
    out[key] = value;
  }
}

/** A list item: no sessions or participants, organizer_v2 inline (it is auto-expanded). */
export function listItem(record: JsonObject, links: Links, select: Set<string> | undefined): JsonObject {
  const out: JsonObject = {};
  scalarPart(record, links, select, out);
  return out;
}

export interface Expansion {
  readonly sessions: boolean;
  readonly segments: boolean;
  readonly participants: boolean;
}

/** `strict`: only one expansion per request, as documented (§5.2); otherwise they may be combined with commas. */
export function parseExpand(raw: string | undefined, options: { readonly strict?: boolean } = {}): Expansion | string {
  const expansion = { sessions: false, segments: false, participants: false };
  if (raw === undefined || raw.trim() === '') return expansion;
  const parts = splitTopLevel(raw);
  if (options.strict && parts.length > 1) return `Unsupported query: only one $expand is supported per request on a call record. Supported: sessions, sessions($expand=segments), participants_v2.`;
  for (const part of parts) {
    const item = part.trim();
    if (item === 'sessions') expansion.sessions = true;
    else if (/^sessions\(\s*\$expand\s*=\s*segments\s*\)$/.test(item)) {
      expansion.sessions = true;
      expansion.segments = true;
    } else if (item === 'participants_v2') expansion.participants = true;
    else return `Unsupported $expand '${item.slice(0, 80)}'. Supported: sessions, sessions($expand=segments), participants_v2.`;
  }
  return expansion;
}

function splitTopLevel(raw: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function sessionView(session: JsonObject, withSegments: boolean): JsonObject {
  if (withSegments) return session;
  return Object.fromEntries(Object.entries(session).filter(([k]) => k !== 'segments'));
}

/** GET /callRecords/{id}: first page of each expanded navigation, with `<nav>@odata.nextLink`. */
export function recordEntity(record: JsonObject, links: Links, select: Set<string> | undefined, expand: Expansion, skipTokenFor: (offset: number) => string): JsonObject {
  const id = String(record.id);
  const fragment = expand.sessions
    ? expand.segments
      ? 'communications/callRecords(sessions(segments()))/$entity'
      : 'communications/callRecords(sessions())/$entity'
    : expand.participants
      ? 'communications/callRecords(participants_v2())/$entity'
      : 'communications/callRecords/$entity';
  const out: JsonObject = { '@odata.context': contextUrl(links.base, links.version, fragment) };
  scalarPart(record, links, select, out);
  const recordUrl = `${links.base}/${links.version}/communications/callRecords/${encodeURIComponent(id)}`;
  out['participants_v2@odata.context'] = contextUrl(links.base, links.version, `communications/callRecords('${id}')/participants_v2/$entity`);
  if (expand.participants) {
    const all = asArray(record.participants_v2);
    if (all.length > PARTICIPANTS_PAGE) out['participants_v2@odata.nextLink'] = `${recordUrl}/participants_v2?$skiptoken=${skipTokenFor(PARTICIPANTS_PAGE)}`;
    out.participants_v2 = all.slice(0, PARTICIPANTS_PAGE);
  }
  if (expand.sessions) {
    const all = asArray(record.sessions);
    out.sessions = all.slice(0, SESSIONS_PAGE).map((s) => sessionView(s, expand.segments));
    if (all.length > SESSIONS_PAGE) out['sessions@odata.nextLink'] = `${recordUrl}/sessions?${expand.segments ? '$expand=segments&' : ''}$skiptoken=${skipTokenFor(SESSIONS_PAGE)}`;
  }
  return out;
}
