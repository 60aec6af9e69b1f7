import type { Database } from 'better-sqlite3';
import type { PendingDiagnosis, PendingDiagnosisStore, UserKey } from '../../../bot/index.js';

interface Row {
  readonly requested_at: string;
  readonly expires_at: string;
}

export function sqlitePendingDiagnoses(db: Database): PendingDiagnosisStore {
  const insert = db.prepare(
    `INSERT INTO pending_diagnoses (partition_key, row_key, user_id, requested_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET expires_at = excluded.expires_at`,
  );
  const select = db.prepare('SELECT requested_at, expires_at FROM pending_diagnoses WHERE partition_key = ? AND user_id = ? ORDER BY requested_at');
  const remove = db.prepare('DELETE FROM pending_diagnoses WHERE partition_key = ? AND user_id = ?');
  // Read and delete in one transaction so two workers never both fulfil the same request.
  const take = db.transaction((user: UserKey, now: Date): PendingDiagnosis[] => {
    const rows = select.all(user.tenantId, user.userId) as Row[];
    remove.run(user.tenantId, user.userId);
    return rows
      .map((row) => ({ user: { tenantId: user.tenantId, userId: user.userId }, requestedAt: new Date(row.requested_at), expiresAt: new Date(row.expires_at) }))
      .filter((request) => request.expiresAt.getTime() > now.getTime());
  });
  return {
    async add(request: PendingDiagnosis) {
      const { tenantId, userId } = request.user;
      const requestedAt = request.requestedAt.toISOString();
      insert.run(tenantId, `${userId}|${requestedAt}`, userId, requestedAt, request.expiresAt.toISOString());
    },
    async take(user: UserKey, now: Date) {
      return take(user, now);
    },
    async forgetUser(user: UserKey) {
      return remove.run(user.tenantId, user.userId).changes;
    },
  };
}
