// Call records for the bot, the tab and the alerts: a version-aware cache of full records and a
// per-user index of recent calls, both fed by every record Graph returns, so "my last call"
// costs the list API only when the index is cold.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { CallRecordFeed, CallSummary, DateRange, FullCallRecord, NotifiedRecord, Priority, RecentCallsQuery, RequestOptions } from '../contract.js';
import { GraphError, GraphInputError } from '../errors.js';
import type { GraphExecutor } from '../http/graphExecutor.js';
import type { Logger } from '../logger.js';
import type { CallIndex, CallRecordCache } from '../ports.js';
import { fetchFullRecord, type ExpandSupport, type FetchOutcome } from './fetchFullRecord.js';
import { isUnsupportedQuery } from './unsupportedQuery.js';
import { checkCallId, checkParticipantId, listCallRecords, type ListFilter } from './requests.js';
import { indexedUserIds, participantRef, summarize } from './summarize.js';

const DAY_MS = 24 * 60 * 60 * 1000;

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
}

export const DEFAULT_CALL_RECORDS_TUNING: CallRecordsTuning = { indexFreshnessMs: 60 * 60 * 1000, refreshOverlapMs: DAY_MS, retentionDays: 30 };

export interface CallRecordsClientDeps {
  readonly executor: GraphExecutor;
  readonly cache: CallRecordCache;
  readonly index: CallIndex;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly tuning: CallRecordsTuning;
}

type ListEntry = CallRecords.CallRecord & { readonly id: string };

export class CallRecordsClient implements CallRecordFeed {
  private readonly inFlight = new Map<string, { readonly priority: Priority; readonly work: Promise<FetchOutcome> }>();
  private readonly expand: ExpandSupport = { combined: true };
  private combinedListFilter = true;

  constructor(private readonly deps: CallRecordsClientDeps) {}

  async getCall(callId: string, options: RequestOptions & { readonly minVersion?: number } = {}): Promise<FullCallRecord> {
    checkCallId(callId);
    const cached = await this.deps.cache.get(callId);
    if (cached && (options.minVersion === undefined || (cached.version ?? -1) >= options.minVersion)) return cached;
    return (await this.fetch(callId, { priority: 'interactive', ...options })).record;
  }

  async recordNotified(callId: string, options: RequestOptions = {}): Promise<NotifiedRecord> {
    checkCallId(callId);
    const cached = await this.deps.cache.get(callId);
    const outcome = await this.fetch(callId, { priority: 'background', ...options }, cached);
    return { record: outcome.record, isNewVersion: !outcome.unchanged };
  }

  async recentCalls(requestedUserId: string, query: RecentCallsQuery = {}): Promise<CallSummary[]> {
    const userId = checkParticipantId(requestedUserId);
    if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit > 0)) throw new GraphInputError(`limit must be a positive whole number (got ${query.limit})`);
    const now = this.deps.now();
    const retentionStart = new Date(now.getTime() - this.deps.tuning.retentionDays * DAY_MS);
    const since = query.since && query.since > retentionStart ? query.since : retentionStart;
    const coverage = await this.deps.index.getCoverage(userId);
    const covers = coverage !== undefined && coverage.since <= since;
    const fresh = covers && now.getTime() - coverage.listedAt.getTime() <= this.deps.tuning.indexFreshnessMs;
    if (!fresh) {
      // A stale index only needs the calls since its last listing (with overlap), not 30 days again.
      const listSince = covers ? new Date(Math.max(since.getTime(), coverage.listedAt.getTime() - this.deps.tuning.refreshOverlapMs)) : since;
      const entries = await this.list({ participantId: userId, since: listSince }, { priority: 'interactive', ...query });
      await this.ingestListEntries(entries, userId);
      await this.deps.index.setCoverage(userId, { since: covers ? coverage.since : since, listedAt: now });
    }
    return this.deps.index.recent(userId, { since, ...(query.until && { until: query.until }), ...(query.limit && { limit: query.limit }) });
  }

  async backfill(range: DateRange, options: RequestOptions = {}): Promise<CallSummary[]> {
    if (!(range.from < range.to)) throw new GraphInputError('backfill range must start before it ends');
    const entries = await this.list({ since: range.from, until: range.to }, { priority: 'background', ...options });
    for (const entry of entries) {
      const cached = await this.deps.cache.get(entry.id);
      if (cached && (cached.version ?? -1) < (entry.version ?? -1)) await this.deps.cache.remove(entry.id);
    }
    return this.ingestListEntries(entries, undefined);
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
      .finally(() => {
        if (this.inFlight.get(callId)?.work === work) this.inFlight.delete(callId);
      });
    this.inFlight.set(callId, { priority, work });
    return work;
  }

  private async ingest(record: FullCallRecord): Promise<void> {
    await this.deps.cache.put(record);
    const participants = record.participants_v2.map(participantRef).filter((p) => p !== null);
    const summary = summarize(record, participants);
    for (const userId of indexedUserIds(summary)) await this.deps.index.upsert(userId, [summary]);
  }

  /** Files list entries under the listed user (known to have taken part) and the organizer. */
  private async ingestListEntries(entries: readonly ListEntry[], listedUser: string | undefined): Promise<CallSummary[]> {
    const summaries = entries.filter((e) => typeof e.id === 'string' && typeof e.startDateTime === 'string').map((e) => summarize(e, null));
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

function inRange(start: string | undefined, filter: ListFilter): boolean {
  const at = start === undefined ? Number.NaN : Date.parse(start);
  return !Number.isNaN(at) && (!filter.since || at >= filter.since.getTime()) && (!filter.until || at < filter.until.getTime());
}
