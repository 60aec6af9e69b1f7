// Storage ports of graph/. server/ implements them (SQLite in demo mode, Azure Table Storage in
// production); graph/stores has in-memory versions and graph/testing a contract suite every
// implementation must pass. Shaped for a partition key + row key store: no joins, no scans by
// anything but the keys and one timestamp.
import type { CallSummary, FullCallRecord } from './contract.js';

/**
 * Full call records, keyed by id, one version per id (partition: call id).
 * A record is fetched from Graph once per version; this is where it is kept in between.
 */
export interface CallRecordCache {
  get(callId: string): Promise<FullCallRecord | undefined>;
  /** Stores the record unless a higher version of the same id is already stored. */
  put(record: FullCallRecord): Promise<void>;
  /** Forgets a record, e.g. when Graph announced a newer version. */
  remove(callId: string): Promise<void>;
  /** Forgets records of calls that started before `cutoff` (Graph keeps records 30 days). Returns how many went. */
  pruneStartedBefore(cutoff: Date): Promise<number>;
}

/** How far the list API has covered a user's calls (so the index knows whether it is warm). */
export interface IndexCoverage {
  /** Every call of the user that started at or after this instant, up to `listedAt`, is in the index. */
  readonly since: Date;
  /** When that list ran. */
  readonly listedAt: Date;
}

export interface RecentRange {
  readonly since: Date;
  /** Exclusive; unbounded when absent. */
  readonly until?: Date;
  /** At most this many, newest first; all when absent. */
  readonly limit?: number;
}

/**
 * Per-user index of recent calls (partition: user id; row: call id). Fed by every record Graph
 * returns (getCall, alerts, backfill, lists) so "my recent calls" needs no list call while warm.
 */
export interface CallIndex {
  /**
   * Records that `userId` took part in these calls. Per call the higher version wins; at the same
   * version, participants known by either summary are kept (a list entry does not erase them).
   */
  upsert(userId: string, calls: readonly CallSummary[]): Promise<void>;
  /** The user's calls that started in [since, until), newest first. */
  recent(userId: string, range: RecentRange): Promise<CallSummary[]>;
  getCoverage(userId: string): Promise<IndexCoverage | undefined>;
  setCoverage(userId: string, coverage: IndexCoverage): Promise<void>;
  /** Forgets calls that started before `cutoff`, for every user. Returns how many entries went. */
  pruneStartedBefore(cutoff: Date): Promise<number>;
  /**
   * "Forget my data": drops every entry and the coverage of one user. Returns how many call
   * entries went. Other people's entries of the same calls stay: they are theirs.
   */
  removeUser(userId: string): Promise<number>;
}
