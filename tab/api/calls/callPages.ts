// GET /api/calls paging: the user's calls newest first from graph/'s per-user index, each
// re-checked against its full record (participation is proven by the record, not the index)
// and diagnosed for its verdict, then filtered. The cursor is the (start, id) of the last call
// examined, so calls that arrive meanwhile neither repeat nor shift a page.
import type { CallRecordsService, CallSummary, FullCallRecord } from '../../../graph/index.js';
import { compareNewestFirst } from '../../../graph/index.js';
import { listOwnCalls, loadOwnCall } from '../../../bot/calls/ownCalls.js';
import type { Diagnosis } from '../../../diagnosis/index.js';
import { badRequest } from '../apiError.js';
import type { CallListItem, CallsQuery, KindFilter, MediaFilter, VerdictFilter } from '../contract.js';
import { callListItem } from '../views/callListItem.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Each examined call may cost a record fetch: one page examines at most this many, then hands back a cursor. */
export const MAX_EXAMINED_PER_PAGE = 60;

const VERDICTS: readonly VerdictFilter[] = ['poor', 'dropped'];
const MEDIA: readonly MediaFilter[] = ['audio', 'video', 'screenSharing'];
const KINDS: readonly KindFilter[] = ['oneOnOne', 'meeting', 'phone'];

export interface ParsedCallsQuery {
  readonly verdict?: VerdictFilter;
  readonly media?: MediaFilter;
  readonly kind?: KindFilter;
  readonly q?: string;
  readonly after?: { readonly startDateTime: string; readonly id: string };
  readonly limit: number;
  readonly user?: string;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw badRequest(`${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCallsQuery(query: Record<string, unknown>): ParsedCallsQuery {
  const limitText = query.limit;
  const limit = limitText === undefined ? DEFAULT_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badRequest(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  const q = query.q;
  if (q !== undefined && (typeof q !== 'string' || q.length > 100)) throw badRequest('q must be a name of at most 100 characters.');
  const user = query.user;
  if (user !== undefined && (typeof user !== 'string' || !GUID.test(user))) throw badRequest('user must be an Entra object id (GUID).');
  const verdict = oneOf('verdict', query.verdict, VERDICTS);
  const media = oneOf('media', query.media, MEDIA);
  const kind = oneOf('kind', query.kind, KINDS);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  return {
    limit,
    ...(verdict ? { verdict } : {}),
    ...(media ? { media } : {}),
    ...(kind ? { kind } : {}),
    ...(typeof q === 'string' && q.trim() !== '' ? { q: q.trim() } : {}),
    ...(after ? { after } : {}),
    ...(typeof user === 'string' ? { user: user.toLowerCase() } : {}),
  };
}

export function encodeCursor(summary: Pick<CallSummary, 'startDateTime' | 'id'>): string {
  return Buffer.from(JSON.stringify([summary.startDateTime, summary.id]), 'utf8').toString('base64url');
}

function decodeCursor(value: unknown): { startDateTime: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(String(value), 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && !Number.isNaN(Date.parse(parsed[0]))) return { startDateTime: parsed[0], id: parsed[1] };
  } catch {
    // fall through to the 400
  }
  throw badRequest('cursor is not one this API handed out; follow the `next` link as given.');
}

/** The query string of the next page: the same filters, the new cursor. */
export function nextQuery(query: ParsedCallsQuery, cursor: string): string {
  const params = new URLSearchParams();
  const plain: Omit<CallsQuery, 'cursor'> = { verdict: query.verdict, media: query.media, kind: query.kind, q: query.q, limit: query.limit === DEFAULT_PAGE_SIZE ? undefined : query.limit, user: query.user };
  for (const [k, v] of Object.entries(plain)) if (v !== undefined) params.set(k, String(v));
  params.set('cursor', cursor);
  return params.toString();
}

const BAD = new Set(['poor', 'dropped', 'setup-failed']);
const MEDIA_MODALITIES: Readonly<Record<MediaFilter, readonly string[]>> = { audio: ['audio'], video: ['video'], screenSharing: ['screenSharing', 'videoBasedScreenSharing'] };

function matches(item: CallListItem, query: ParsedCallsQuery): boolean {
  if (query.verdict === 'poor' && !BAD.has(item.verdict)) return false;
  if (query.verdict === 'dropped' && item.verdict !== 'dropped') return false;
  if (query.media && !item.modalities.some((m) => MEDIA_MODALITIES[query.media!].includes(m))) return false;
  if (query.kind && item.kind !== query.kind) return false;
  if (query.q && !item.with.some((name) => name.toLowerCase().includes(query.q!.toLowerCase()))) return false;
  return true;
}

export interface CallPage {
  readonly calls: CallListItem[];
  /** Cursor after the last call examined, or null when none are left. */
  readonly cursor: string | null;
}

export async function callPage(
  deps: { readonly calls: CallRecordsService; readonly now: () => Date; readonly diagnose: (record: FullCallRecord, userId: string) => Diagnosis },
  userId: string,
  query: ParsedCallsQuery,
): Promise<CallPage> {
  const summaries = (await listOwnCalls(deps.calls, userId, deps.now())).sort(compareNewestFirst);
  const after = query.after;
  const rest = after ? summaries.filter((s) => compareNewestFirst(s, { ...s, startDateTime: after.startDateTime, id: after.id }) > 0) : summaries;
  const calls: CallListItem[] = [];
  let examined = 0;
  let last: CallSummary | null = null;
  for (const summary of rest) {
    if (calls.length >= query.limit || examined >= MAX_EXAMINED_PER_PAGE) break;
    examined += 1;
    last = summary;
    // Cheap filters first, on what the index already knows.
    if (query.media && summary.modalities.length > 0 && !summary.modalities.some((m) => MEDIA_MODALITIES[query.media!].includes(m))) continue;
    const record = await loadOwnCall(deps.calls, userId, summary.id, summary.version);
    if (!record) continue;
    const item = callListItem(record, deps.diagnose(record, userId), userId);
    if (matches(item, query)) calls.push(item);
  }
  const more = last !== null && rest.indexOf(last) < rest.length - 1;
  return { calls, cursor: more && last ? encodeCursor(last) : null };
}
