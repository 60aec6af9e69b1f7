// One record with every session (and its segments) and every participant, following each
// nested next link to the end (sessions page at 60, participants at 130). By default the record
// expands sessions with segments only and participants come from /participants_v2 (graph-callrecords.md
// §5.2, §5.4); both expansions in one request only when opted in (GraphSettings.combinedQueries).
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { FullCallRecord, RequestOptions } from '../contract.js';
import { CallRecordNotFoundError, GraphError } from '../errors.js';
import type { GraphExecutor } from '../http/graphExecutor.js';
import { nextPage } from '../http/graphRequest.js';
import { checkCallRecord, type RawCallRecord } from './parseCallRecord.js';
import { isUnsupportedQuery } from './unsupportedQuery.js';
import { getCallRecord, getCallRecordVersion, listParticipants } from './requests.js';

export interface FetchOutcome {
  readonly record: FullCallRecord;
  /** The version Graph has is the one the caller already held: only its version was asked for. */
  readonly unchanged: boolean;
}

/** Whether to ask for both expansions in one request: undocumented, so only when opted in, and off for good once refused. */
export interface ExpandSupport {
  combined: boolean;
}

export async function fetchFullRecord(
  executor: GraphExecutor,
  callId: string,
  options: RequestOptions,
  expand: ExpandSupport,
  known?: FullCallRecord,
): Promise<FetchOutcome> {
  // Graph sends created and updated for each new record: when a copy is cached, ask for its
  // version alone and download the heavy record only when Graph has a newer one.
  if (known && typeof known.version === 'number') {
    const current = await executor.send<{ version?: unknown }>(getCallRecordVersion(callId), options).catch(notFoundAs(callId));
    if (typeof current.version === 'number' && current.version <= known.version) return { record: known, unchanged: true };
  }
  const first = await fetchFirstPage(executor, callId, options, expand);
  if (known && typeof first.version === 'number' && known.version === first.version) return { record: known, unchanged: true };

  const request = getCallRecord(callId, expand.combined);
  // The rest of the sessions and the participants (from /participants_v2, the documented form, unless
  // they came inline) are independent: fetched side by side, so the extra request adds no wait.
  const [sessions, participants] = await Promise.all([
    rest<CallRecords.Session>(executor, request, first.sessions, first['sessions@odata.nextLink'], options),
    first.participants_v2 !== undefined && expand.combined
      ? rest<CallRecords.Participant>(executor, request, first.participants_v2, first['participants_v2@odata.nextLink'], options)
      : executor.all<CallRecords.Participant>(listParticipants(callId), options).catch(notFoundAs(callId)),
  ]);
  return { record: { ...withoutNextLinks(first), sessions, participants_v2: participants }, unchanged: false };
}

async function fetchFirstPage(executor: GraphExecutor, callId: string, options: RequestOptions, expand: ExpandSupport): Promise<RawCallRecord> {
  try {
    return checkCallRecord(await executor.send(getCallRecord(callId, expand.combined), options), callId);
  } catch (error) {
    if (expand.combined && isUnsupportedQuery(error, 'expand')) {
      // This service wants one expansion per request: fetch participants on their own from now on.
      expand.combined = false;
      return fetchFirstPage(executor, callId, options, expand);
    }
    return notFoundAs(callId)(error);
  }
}

async function rest<T>(
  executor: GraphExecutor,
  request: ReturnType<typeof getCallRecord>,
  firstPage: readonly T[] | null | undefined,
  nextLink: string | undefined,
  options: RequestOptions,
): Promise<T[]> {
  const items = [...(firstPage ?? [])];
  const seen = new Set<string>();
  for (let link = nextLink; link; ) {
    if (seen.has(link)) throw new GraphError(`Microsoft Graph returned the same next link twice for ${request.logPath}`, 502, 'PagingLoop', undefined);
    seen.add(link);
    const page = await executor.send<{ value?: T[]; '@odata.nextLink'?: string }>(nextPage(request, link), options);
    items.push(...(Array.isArray(page.value) ? page.value : []));
    link = page['@odata.nextLink'];
  }
  return items;
}

function notFoundAs(callId: string) {
  return (error: unknown): never => {
    if (error instanceof GraphError && error.status === 404) throw new CallRecordNotFoundError(callId, error.requestId);
    throw error;
  };
}

/** Continuation links are consumed here; keeping them would make a cached record look unfinished. */
function withoutNextLinks(record: RawCallRecord): RawCallRecord {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !key.endsWith('@odata.nextLink'))) as RawCallRecord;
}
