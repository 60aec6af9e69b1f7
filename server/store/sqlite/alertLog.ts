// The alert log and processed versions in SQLite. The claim is one INSERT ... ON CONFLICT whose
// update only fires on a stale 'sending' row, so exactly one caller wins it (see ports.ts for the
// crash semantics).
import type { Database } from 'better-sqlite3';
import type { AlertLog, AlertLogEntry, ClaimOutcome, ProcessedVersionLog } from '../../alerts/ports.js';

interface LogRow {
  readonly user_id: string;
  readonly call_id: string;
  readonly state: AlertLogEntry['state'];
  readonly reason: AlertLogEntry['reason'];
  readonly claimed_at_ms: number;
  readonly sent_at: string | null;
}

export function sqliteAlertLog(db: Database, now: () => Date): AlertLog {
  const claim = db.prepare(
    `INSERT INTO alert_log (partition_key, row_key, user_id, call_id, state, reason, claimed_at_ms) VALUES (?, ?, ?, ?, 'sending', ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET reason = excluded.reason, claimed_at_ms = excluded.claimed_at_ms
     WHERE alert_log.state = 'sending' AND alert_log.claimed_at_ms + ? <= excluded.claimed_at_ms`,
  );
  const state = db.prepare('SELECT state FROM alert_log WHERE partition_key = ? AND row_key = ?').pluck();
  const markSent = db.prepare("UPDATE alert_log SET state = 'sent', sent_at = ? WHERE partition_key = ? AND row_key = ?");
  const release = db.prepare("DELETE FROM alert_log WHERE partition_key = ? AND row_key = ? AND state = 'sending'");
  const count = db.prepare('SELECT COUNT(*) FROM alert_log WHERE partition_key = ? AND user_id = ? AND claimed_at_ms >= ?').pluck();
  const list = db.prepare('SELECT user_id, call_id, state, reason, claimed_at_ms, sent_at FROM alert_log WHERE partition_key = ? AND user_id = ? ORDER BY claimed_at_ms DESC');
  const removeUser = db.prepare('DELETE FROM alert_log WHERE partition_key = ? AND user_id = ?');
  const claimOne = db.transaction((tenantId: string, rowKey: string, userId: string, callId: string, reason: string, staleAfterMs: number): ClaimOutcome => {
    if (claim.run(tenantId, rowKey, userId, callId, reason, now().getTime(), staleAfterMs).changes === 1) return 'claimed';
    return state.get(tenantId, rowKey) === 'sent' ? 'sent' : 'busy';
  });
  const rowKey = (userId: string, callId: string): string => `${userId}|${callId}`;
  return {
    async claim(key, reason, staleAfterMs) {
      return claimOne(key.tenantId, rowKey(key.userId, key.callId), key.userId, key.callId, reason, staleAfterMs);
    },
    async markSent(key) {
      markSent.run(now().toISOString(), key.tenantId, rowKey(key.userId, key.callId));
    },
    async release(key) {
      release.run(key.tenantId, rowKey(key.userId, key.callId));
    },
    async countSince(user, since) {
      return count.get(user.tenantId, user.userId, since.getTime()) as number;
    },
    async listForUser(user) {
      return (list.all(user.tenantId, user.userId) as LogRow[]).map((row) => ({
        tenantId: user.tenantId,
        userId: row.user_id,
        callId: row.call_id,
        state: row.state,
        reason: row.reason,
        claimedAt: new Date(row.claimed_at_ms),
        sentAt: row.sent_at === null ? null : new Date(row.sent_at),
      }));
    },
    async removeUser(user) {
      return removeUser.run(user.tenantId, user.userId).changes;
    },
  };
}

export function sqliteProcessedVersions(db: Database): ProcessedVersionLog {
  const select = db.prepare('SELECT version FROM alert_processed WHERE partition_key = ? AND row_key = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO alert_processed (partition_key, row_key, version) VALUES (?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET version = MAX(alert_processed.version, excluded.version)`,
  );
  return {
    async get(tenantId, callId) {
      return select.get(tenantId, callId) as number | undefined;
    },
    async record(tenantId, callId, version) {
      upsert.run(tenantId, callId, version);
    },
  };
}
