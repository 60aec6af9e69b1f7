// Backfill: lists the calls that started in a range (after a subscription lapsed, or at first
// start) page by page. Each page is filed in the index and handed to the caller before the next
// page is asked for, so a month of calls never sits in memory at once, and the progress after
// each page (Graph's next link) lets a restarted process carry on where this one stopped.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { BackfilledCall, BackfillOptions, BackfillProgress, CallSummary, DateRange, ParticipantRef } from '../contract.js';
import { GraphError, GraphInputError } from '../errors.js';
import { nextPage, type GraphRequest } from '../http/graphRequest.js';
import { asArray, type GraphExecutor, type ODataPage } from '../http/graphExecutor.js';
import type { Logger } from '../logger.js';
import type { CallRecordCache } from '../ports.js';
import { listCallRecords } from './requests.js';
import { participantRef } from './participantRef.js';

export type ListEntry = CallRecords.CallRecord & { readonly id: string };

export interface BackfillDeps {
  readonly executor: GraphExecutor;
  readonly cache: CallRecordCache;
  readonly logger: Logger;
  /** The client's list page size (tuning), used when the caller asks for none. */
  readonly pageSize?: number;
  /** Files a page's entries in the index (under each organizer) and returns their summaries. */
  readonly ingest: (entries: readonly ListEntry[]) => Promise<CallSummary[]>;
}

export async function backfill(deps: BackfillDeps, range: DateRange, options: BackfillOptions = {}): Promise<BackfillProgress> {
  if (!(range.from < range.to)) throw new GraphInputError('backfill range must start before it ends');
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const resume = options.resumeFrom;
  if (resume !== undefined && (resume.from !== from || resume.to !== to)) {
    throw new GraphInputError(`resumeFrom is the progress of the backfill ${resume.from} to ${resume.to}, not of ${from} to ${to}`);
  }
  let progress: BackfillProgress = resume ?? { from, to, nextLink: null, done: false, pages: 0, calls: 0 };
  if (progress.done) return progress;

  const { onPage, resumeFrom: _resume, pageSize, ...requestOptions } = options;
  const request = listCallRecords({ since: range.from, until: range.to }, true, pageSize ?? deps.pageSize);
  const requestOf = (link: string | null): GraphRequest => (link === null ? request : nextPage(request, link));
  const send = (link: string | null): Promise<ODataPage<ListEntry>> => deps.executor.send<ODataPage<ListEntry>>(requestOf(link), { priority: 'background', ...requestOptions });

  let page: ODataPage<ListEntry>;
  try {
    page = await send(progress.nextLink);
  } catch (error) {
    if (!(progress.nextLink !== null && isStaleLink(error))) throw error;
    // Next links are opaque and may not outlive a long pause: list the range again. What was
    // handled comes again, which the index takes (it merges by version) and the caller may skip.
    deps.logger.warn({ status: error.status, requestId: error.requestId, pages: progress.pages }, 'Graph no longer accepts the backfill\'s next link; listing the range again from its start');
    progress = { ...progress, nextLink: null };
    page = await send(null);
  }
  const seen = new Set<string>();
  for (;;) {
    const calls = await handle(deps, asArray<ListEntry>(page.value));
    const link = page['@odata.nextLink'] ?? null;
    // A service that hands out the same link twice would otherwise loop forever.
    if (link !== null && seen.has(link)) throw new GraphError(`Microsoft Graph returned the same next link twice for ${request.logPath}`, 502, 'PagingLoop', undefined);
    if (link !== null) seen.add(link);
    progress = { from, to, nextLink: link, done: link === null, pages: progress.pages + 1, calls: progress.calls + calls.length };
    await onPage?.({ calls, progress });
    if (link === null) return progress;
    page = await send(link);
  }
}

/** Files one page: drops cached records the list shows a newer version of, and fills in participants the cache knows. */
async function handle(deps: BackfillDeps, entries: readonly ListEntry[]): Promise<BackfilledCall[]> {
  const participants = new Map<string, ParticipantRef[]>();
  for (const entry of entries) {
    const cached = await deps.cache.get(entry.id);
    if (cached === undefined) continue;
    if ((cached.version ?? -1) < (entry.version ?? -1)) await deps.cache.remove(entry.id);
    else if (cached.version === entry.version) participants.set(entry.id, cached.participants_v2.map(participantRef).filter((p) => p !== null));
  }
  const summaries = await deps.ingest(entries);
  return summaries.map(({ id, version, startDateTime, endDateTime, type, modalities, organizer }) => ({ id, version, startDateTime, endDateTime, type, modalities, organizer, participants: participants.get(id) ?? null }));
}

/** A rejected link (expired or unknown skip token), not throttling or an outage, which retrying the same link outlives. */
function isStaleLink(error: unknown): error is GraphError {
  return error instanceof GraphError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 && error.status !== 429;
}
