// Call records for the bot, the tab and the alerts: a version-aware cache of full records and a
// per-user index of recent calls, both fed by every record Graph returns, so "my last call"
// costs the list API only when the index is cold.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { BackfillOptions, BackfillProgress, CallRecordFeed, CallSummary, DateRange, FullCallRecord, NotifiedRecord, Priority, RecentCallsQuery, RequestOptions } from '../contract.js';
import { CallRecordNotFoundError, GraphError, GraphInputError } from '../errors.js';
import type { GraphExecutor } from '../http/graphExecutor.js';
import type { Logger } from '../logger.js';
import type { CallIndex, CallRecordCache, IndexCoverage } from '../ports.js';
import { backfill } from './backfill.js';
import { fetchFullRecord, type ExpandSupport, type FetchOutcome } from './fetchFullRecord.js';
import { isUnsupportedQuery } from './unsupportedQuery.js';
import { checkCallId, checkParticipantId, listCallRecords, type ListFilter } from './requests.js';
import { indexEntries, summarize } from './summarize.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The index key of tenant-wide coverage (not an object id, so no user's own coverage collides with it). */
const EVERY_USER = '*';

export interface CallRecordsTuning {
  /** A user's index is trusted this long after the list API last covered them. */
  readonly indexFreshnessMs: number;
  /** When a stale index is refreshed, the list restarts this long before the last listing (records arrive late; calls run long). */
  readonly refreshOverlapMs: number;
  /** Graph keeps records this many days. */
  readonly retentionDays: number;
  /**
   * The index entry of a call is its stored summary (id, times, type, media, participants' ids: no
   * addresses, devices or streams), so it may outlive the raw record; pruned after this many days.
   * Absent: the same as retentionDays.
   */
  readonly summaryRetentionDays?: number;
  /** Records per list page (Prefer: odata.maxpagesize); Graph's default of 60 when absent. */
  readonly listPageSize?: number;
  /** Graph revises a record for a while after the call (version 2 comes 15 to 68 minutes after it): a cached copy this young is re-checked by its version. */
  readonly revisionWindowMs: number;
}

export const DEFAULT_CALL_RECORDS_TUNING: CallRecordsTuning = { indexFreshnessMs: 60 * 60 * 1000, refreshOverlapMs: DAY_MS, retentionDays: 30, revisionWindowMs: 2 * 60 * 60 * 1000 };

export interface CallRecordsClientDeps {
  readonly executor: GraphExecutor;
  readonly cache: CallRecordCache;
  readonly index: CallIndex;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly tuning: CallRecordsTuning;
  /** Send the undocumented combined query forms (GraphSettings.combinedQueries); documented forms when absent. */
  readonly combinedQueries?: boolean;
}

type ListEntry = CallRecords.CallRecord & { readonly id: string };

export class CallRecordsClient implements CallRecordFeed {
  private readonly inFlight = new Map<string, { readonly priority: Priority; readonly work: Promise<FetchOutcome> }>();
  private readonly expand: ExpandSupport;
  private combinedListFilter: boolean;

  constructor(private readonly deps: CallRecordsClientDeps) {
    this.expand = { combined: deps.combinedQueries ?? false };
    this.combinedListFilter = deps.combinedQueries ?? false;
  }

  async getCall(callId: string, options: RequestOptions & { readonly minVersion?: number } = {}): Promise<FullCallRecord> {
    checkCallId(callId);
    const cached = await this.deps.cache.get(callId);
    const current = cached && (options.minVersion === undefined || (cached.version ?? -1) >= options.minVersion) ? cached : undefined;
    if (current && !this.mayStillChange(current)) return current;
    // A young copy costs a $select=id,version probe; the whole record comes again only when Graph revised it.
    return (await this.fetch(callId, { priority: 'interactive', ...options }, current)).record;
  }

  async recordNotified(callId: string, options: RequestOptions = {}): Promise<NotifiedRecord> {
    checkCallId(callId);
    const cached = await this.deps.cache.get(callId);
    const outcome = await this.fetch(callId, { priority: 'background', ...options }, cached);
    // New to the alerts even when a person's question fetched this version first.
    const isNewVersion = await this.deps.cache.markNotified(callId, outcome.record.version ?? -1);
    return { record: outcome.record, isNewVersion };
  }

  async recentCalls(requestedUserId: string, query: RecentCallsQuery = {}): Promise<CallSummary[]> {
    const userId = checkParticipantId(requestedUserId);
    if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit > 0)) throw new GraphInputError(`limit must be a positive whole number (got ${query.limit})`);
    const now = this.deps.now();
    const retentionStart = new Date(now.getTime() - this.deps.tuning.retentionDays * DAY_MS);
    const since = query.since && query.since > retentionStart ? query.since : retentionStart;
    const coverage = newestCovering(since, await this.deps.index.getCoverage(userId), await this.deps.index.getCoverage(EVERY_USER));
    const covers = coverage !== undefined && coverage.since <= since;
    // A listing "in the future" (a demo clock that restarted earlier) is not fresh: it would stay so forever.
    const age = covers ? now.getTime() - coverage.listedAt.getTime() : Number.NaN;
    const fresh = age >= 0 && age <= this.deps.tuning.indexFreshnessMs;
    if (!fresh) {
      // A stale index only needs the calls since its last listing (with overlap), not 30 days again.
      const listSince = covers ? new Date(Math.max(since.getTime(), coverage.listedAt.getTime() - this.deps.tuning.refreshOverlapMs)) : since;
      const entries = await this.list({ participantId: userId, since: listSince }, { priority: 'interactive', ...query });
      await this.ingestListEntries(entries, userId);
      await this.deps.index.setCoverage(userId, { since: covers ? coverage.since : since, listedAt: now });
    }
    return this.deps.index.recent(userId, { since, ...(query.until && { until: query.until }), ...(query.limit && { limit: query.limit }) });
  }

  backfill(range: DateRange, options: BackfillOptions = {}): Promise<BackfillProgress> {
    const { executor, cache, logger, tuning } = this.deps;
    return backfill({ executor, cache, logger, ingest: (entries) => this.ingestListEntries(entries, undefined), ...(tuning.listPageSize !== undefined && { pageSize: tuning.listPageSize }) }, range, options);
  }

  async indexComplete(coverage: { readonly since: Date; readonly listedAt: Date }): Promise<void> {
    if (!(coverage.since < coverage.listedAt)) throw new GraphInputError('index coverage must start before it was listed');
    await this.deps.index.setCoverage(EVERY_USER, { since: coverage.since, listedAt: coverage.listedAt });
  }

  async prune(): Promise<void> {
    const cutoff = new Date(this.deps.now().getTime() - this.deps.tuning.retentionDays * DAY_MS);
    const summaryCutoff = new Date(this.deps.now().getTime() - (this.deps.tuning.summaryRetentionDays ?? this.deps.tuning.retentionDays) * DAY_MS);
    const records = await this.deps.cache.pruneStartedBefore(cutoff);
    const entries = await this.deps.index.pruneStartedBefore(summaryCutoff);
    this.deps.logger.info({ records, entries }, 'Pruned call records past retention');
  }

  /**
   * One fetch per record at a time: a notification and a person asking share it. A person never
   * joins a background fetch, though: it may be queued behind a storm of notifications.
   */
  private fetch(callId: string, options: RequestOptions, known?: FullCallRecord): Promise<FetchOutcome> {
    const priority = options.priority ?? 'interactive';
    const running = this.inFlight.get(callId);
    if (running && (running.priority === 'interactive' || priority === 'background')) return running.work;
    const work: Promise<FetchOutcome> = fetchFullRecord(this.deps.executor, callId, options, this.expand, known)
      .then(async (outcome) => {
        if (!outcome.unchanged) await this.ingest(outcome.record);
        return outcome;
      })
      .catch(async (error: unknown) => {
        // Deleted, or past retention: an index entry left behind would cost a GET at every question.
        if (error instanceof CallRecordNotFoundError) {
          // The caller still learns of the 404, not of a store hiccup while tidying up.
          await this.forget(callId).catch((storeError: unknown) => this.deps.logger.warn({ callId, error: (storeError as Error).name }, 'Could not drop a call record Graph no longer has'));
        }
        throw error;
      })
      .finally(() => {
        if (this.inFlight.get(callId)?.work === work) this.inFlight.delete(callId);
      });
    this.inFlight.set(callId, { priority, work });
    return work;
  }

  private async ingest(record: FullCallRecord): Promise<void> {
    await this.deps.cache.put(record);
    for (const [userId, summary] of indexEntries(record)) await this.deps.index.upsert(userId, [summary]);
  }

  private async forget(callId: string): Promise<void> {
    await this.deps.cache.remove(callId);
    const entries = await this.deps.index.removeCall(callId);
    this.deps.logger.info({ callId, entries }, 'Graph no longer has the call record; dropped it from the cache and the index');
  }

  private mayStillChange(record: FullCallRecord): boolean {
    const ended = Date.parse(record.endDateTime ?? record.startDateTime ?? '');
    return !Number.isNaN(ended) && this.deps.now().getTime() - ended < this.deps.tuning.revisionWindowMs;
  }

  /** Files list entries under the listed user (known to have taken part) and the organizer. */
  private async ingestListEntries(entries: readonly ListEntry[], listedUser: string | undefined): Promise<CallSummary[]> {
    const summaries = entries.filter((e) => typeof e.id === 'string' && typeof e.startDateTime === 'string').map((e) => summarize(e));
    if (listedUser !== undefined && summaries.length > 0) {
      const oldest = new Date(Math.min(...summaries.map((s) => Date.parse(s.startDateTime))));
      const known = new Map((await this.deps.index.recent(listedUser, { since: oldest })).map((s) => [s.id, s.version ?? -1]));
      // The index learns of each version the cache holds, so a newer listed version means the cached record is stale.
      for (const s of summaries) if ((s.version ?? -1) > (known.get(s.id) ?? Number.POSITIVE_INFINITY)) await this.deps.cache.remove(s.id);
      await this.deps.index.upsert(listedUser, summaries);
    }
    for (const s of summaries) {
      const organizer = s.organizer?.kind === 'user' ? s.organizer.id.toLowerCase() : undefined;
      if (organizer !== undefined && organizer !== listedUser) await this.deps.index.upsert(organizer, [s]);
    }
    return summaries;
  }

  private async list(filter: ListFilter, options: RequestOptions): Promise<ListEntry[]> {
    const both = filter.participantId !== undefined && (filter.since !== undefined || filter.until !== undefined);
    let entries: ListEntry[];
    try {
      entries = await this.deps.executor.all<ListEntry>(listCallRecords(filter, this.combinedListFilter, this.deps.tuning.listPageSize), options);
    } catch (error) {
      if (!(both && this.combinedListFilter && error instanceof GraphError && isUnsupportedQuery(error, 'filter'))) throw error;
      // Graph documents the two filters only separately: filter by participant there, by time here.
      this.combinedListFilter = false;
      this.deps.logger.warn({ status: error.status, requestId: error.requestId }, 'Graph rejected a combined participant and time filter; filtering time locally');
      entries = await this.deps.executor.all<ListEntry>(listCallRecords(filter, false, this.deps.tuning.listPageSize), options);
    }
    return both && !this.combinedListFilter ? entries.filter((e) => inRange(e.startDateTime, filter)) : entries;
  }
}

/** Of a user's own coverage and the tenant-wide one, the most recently listed that reaches back to `since`. */
function newestCovering(since: Date, ...coverages: (IndexCoverage | undefined)[]): IndexCoverage | undefined {
  const covering = coverages.filter((c): c is IndexCoverage => c !== undefined && c.since <= since);
  if (covering.length === 0) return coverages.find((c) => c !== undefined);
  return covering.reduce((a, b) => (b.listedAt > a.listedAt ? b : a));
}

function inRange(start: string | undefined, filter: ListFilter): boolean {
  const at = start === undefined ? Number.NaN : Date.parse(start);
  return !Number.isNaN(at) && (!filter.since || at >= filter.since.getTime()) && (!filter.until || at < filter.until.getTime());
}
