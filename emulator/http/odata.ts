// OData request options and response conventions Graph applies to call records (§4, §5).
import type { Request } from 'express';
import { isObject, type JsonObject } from '../store/json.js';
import { badRequest } from './graphError.js';

export type GraphVersion = 'v1.0' | 'beta';

export interface Preferences {
  readonly maxPageSize: number | undefined;
  readonly omitNulls: boolean;
  readonly includeUnknownEnumMembers: boolean;
}

export function parsePrefer(req: Request): Preferences {
  const parts = (req.header('prefer') ?? '').split(',').map((p) => p.trim().toLowerCase());
  let maxPageSize: number | undefined;
  for (const part of parts) {
    const m = /^odata\.maxpagesize\s*=\s*"?(\d+)"?$/.exec(part);
    if (m) maxPageSize = Number(m[1]);
  }
  return {
    maxPageSize: maxPageSize && maxPageSize > 0 ? maxPageSize : undefined,
    omitNulls: parts.includes('omit-values=nulls'),
    includeUnknownEnumMembers: parts.includes('include-unknown-enum-members'),
  };
}

/** Page size for a collection whose service maximum is `max`; a smaller Prefer value wins. */
export function pageSize(prefs: Preferences, max: number): number {
  return prefs.maxPageSize ? Math.min(prefs.maxPageSize, max) : max;
}

export function contextUrl(base: string, version: GraphVersion, fragment: string): string {
  return `${base}/${version}/$metadata#${fragment}`;
}

// Skip tokens are opaque to clients (they must follow nextLinks verbatim); the emulator encodes
// a plain cursor so a page survives records being added meanwhile.
export function encodeSkipToken(cursor: string): string {
  return Buffer.from(`cd1:${cursor}`, 'utf8').toString('base64url');
}

export function decodeSkipToken(token: unknown): string | undefined {
  if (token === undefined) return undefined;
  const decoded = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith('cd1:')) throw badRequest('The $skiptoken is not valid. Follow @odata.nextLink exactly as returned.');
  return decoded.slice(4);
}

export function decodeOffsetToken(token: unknown): number {
  const cursor = decodeSkipToken(token);
  if (cursor === undefined) return 0;
  const offset = Number(cursor);
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('The $skiptoken is not valid. Follow @odata.nextLink exactly as returned.');
  return offset;
}

/** $select as a set of property names, or undefined for "all". */
export function parseSelect(req: Request, allowed: readonly string[]): Set<string> | undefined {
  const raw = queryString(req, '$select');
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!allowed.includes(name)) throw badRequest(`Could not find a property named '${name.slice(0, 60)}' on type 'microsoft.graph.callRecords.${allowed === SESSION_PROPERTIES ? 'session' : 'callRecord'}'.`);
  }
  return new Set(names);
}

export const CALL_RECORD_PROPERTIES = ['id', 'version', 'type', 'modalities', 'lastModifiedDateTime', 'startDateTime', 'endDateTime', 'joinWebUrl', 'organizer', 'participants', 'organizer_v2', 'participants_v2', 'sessions'] as const as readonly string[];
export const SESSION_PROPERTIES = ['id', 'modalities', 'startDateTime', 'endDateTime', 'isTest', 'caller', 'callee', 'failureInfo', 'segments'] as const as readonly string[];

export function queryString(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`The query option '${name}' was given more than once.`);
  return value;
}

/** Rejects query options Graph does not document for call records instead of silently ignoring them. */
export function rejectUnsupportedOptions(req: Request, supported: readonly string[]): void {
  for (const key of Object.keys(req.query)) {
    if (key.startsWith('$') && !supported.includes(key)) throw badRequest(`Query option '${key.slice(0, 40)}' is not supported on this resource.`);
  }
}

/** Applies Prefer: omit-values=nulls and the unknownFutureValue sentinel for evolvable enums (§3.4). */
export function applyPreferences(body: unknown, prefs: Preferences): unknown {
  if (Array.isArray(body)) return body.map((v) => applyPreferences(v, prefs));
  if (!isObject(body)) return body;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null && prefs.omitNulls) continue;
    if (key === 'productFamily' && value === 'azureCommunicationServices' && !prefs.includeUnknownEnumMembers) {
      out[key] = 'unknownFutureValue';
      continue;
    }
    out[key] = applyPreferences(value, prefs);
  }
  return out;
}

/** The URL of the current request with its query replaced, for nextLinks. */
export function nextLinkFor(base: string, req: Request, params: Record<string, string>): string {
  const url = new URL(req.originalUrl, base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  // Keep `$` and `(` readable the way Graph writes them.
  return url.toString().replace(/%24/g, '$').replace(/%28/g, '(').replace(/%29/g, ')').replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%27/g, "'");
}
