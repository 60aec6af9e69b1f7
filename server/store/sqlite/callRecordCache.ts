import type { Database } from 'better-sqlite3';
import type { CallRecordCache, FullCallRecord } from '../../../graph/index.js';

export function sqliteCallRecordCache(db: Database): CallRecordCache {
  // The WHERE on the upsert keeps the newer version when an older fetch finishes last.
  const put = db.prepare(
    `INSERT INTO call_records (partition_key, row_key, version, started_at_ms, record) VALUES (?, '', ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET version = excluded.version, started_at_ms = excluded.started_at_ms, record = excluded.record
     WHERE excluded.version >= call_records.version`,
  );
  const get = db.prepare("SELECT record FROM call_records WHERE partition_key = ? AND row_key = ''").pluck();
  const remove = db.prepare("DELETE FROM call_records WHERE partition_key = ? AND row_key = ''");
  const prune = db.prepare('DELETE FROM call_records WHERE started_at_ms < ?');
  const markNotified = db.prepare(
    "UPDATE call_records SET notified_version = ? WHERE partition_key = ? AND row_key = '' AND (notified_version IS NULL OR notified_version < ?)",
  );
  const notifiedAtLeast = db.prepare("SELECT 1 FROM call_records WHERE partition_key = ? AND row_key = '' AND notified_version >= ?").pluck();
  return {
    async get(callId: string) {
      const json = get.get(callId) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as FullCallRecord);
    },
    async put(record: FullCallRecord) {
      const started = record.startDateTime ? Date.parse(record.startDateTime) : Number.NaN;
      put.run(record.id, record.version ?? -1, Number.isNaN(started) ? null : started, JSON.stringify(record));
    },
    async remove(callId: string) {
      remove.run(callId);
    },
    async pruneStartedBefore(cutoff: Date) {
      return prune.run(cutoff.getTime()).changes;
    },
    async markNotified(callId: string, version: number) {
      // No row updated: either a mark as high exists (a repeat) or the record is not stored (news).
      return markNotified.run(version, callId, version).changes === 1 || notifiedAtLeast.get(callId, version) === undefined;
    },
  };
}
