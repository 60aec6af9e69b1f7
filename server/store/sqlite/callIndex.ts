import type { Database } from 'better-sqlite3';
import { mergeSummary, type CallIndex, type CallSummary, type IndexCoverage, type RecentRange } from '../../../graph/index.js';

export function sqliteCallIndex(db: Database): CallIndex {
  const select = db.prepare('SELECT summary FROM call_index WHERE partition_key = ? AND row_key = ?').pluck();
  const write = db.prepare(
    `INSERT INTO call_index (partition_key, row_key, started_at_ms, summary) VALUES (?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET started_at_ms = excluded.started_at_ms, summary = excluded.summary`,
  );
  // Ties on start time are broken by id, the same order graph/'s in-memory index uses.
  const recent = db
    .prepare(
      `SELECT summary FROM call_index WHERE partition_key = ? AND started_at_ms >= ? AND started_at_ms < ?
       ORDER BY started_at_ms DESC, row_key ASC LIMIT ?`,
    )
    .pluck();
  const getCoverage = db.prepare("SELECT since, listed_at FROM call_index_coverage WHERE partition_key = ? AND row_key = ''");
  const setCoverage = db.prepare(
    `INSERT INTO call_index_coverage (partition_key, row_key, since, listed_at) VALUES (?, '', ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET since = excluded.since, listed_at = excluded.listed_at`,
  );
  const prune = db.prepare('DELETE FROM call_index WHERE started_at_ms < ?');
  const removeCalls = db.prepare('DELETE FROM call_index WHERE partition_key = ?');
  const removeCoverage = db.prepare('DELETE FROM call_index_coverage WHERE partition_key = ?');
  const removeUser = db.transaction((userId: string): number => {
    removeCoverage.run(userId);
    return removeCalls.run(userId).changes;
  });

  // Read-merge-write in one transaction so concurrent upserts cannot lose a newer version.
  const upsert = db.transaction((userId: string, calls: readonly CallSummary[]) => {
    for (const call of calls) {
      const json = select.get(userId, call.id) as string | undefined;
      const merged = mergeSummary(json === undefined ? undefined : (JSON.parse(json) as CallSummary), call);
      write.run(userId, call.id, Date.parse(merged.startDateTime), JSON.stringify(merged));
    }
  });

  return {
    async upsert(userId: string, calls: readonly CallSummary[]) {
      upsert(userId, calls);
    },
    async recent(userId: string, range: RecentRange) {
      const rows = recent.all(userId, range.since.getTime(), range.until?.getTime() ?? Number.MAX_SAFE_INTEGER, range.limit ?? -1) as string[];
      return rows.map((json) => JSON.parse(json) as CallSummary);
    },
    async getCoverage(userId: string): Promise<IndexCoverage | undefined> {
      const row = getCoverage.get(userId) as { since: string; listed_at: string } | undefined;
      return row && { since: new Date(row.since), listedAt: new Date(row.listed_at) };
    },
    async setCoverage(userId: string, coverage: IndexCoverage) {
      setCoverage.run(userId, coverage.since.toISOString(), coverage.listedAt.toISOString());
    },
    async pruneStartedBefore(cutoff: Date) {
      return prune.run(cutoff.getTime()).changes;
    },
    async removeUser(userId: string) {
      return removeUser(userId);
    },
  };
}
