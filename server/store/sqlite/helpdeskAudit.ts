// The helpdesk audit log in SQLite. Its table is created here (IF NOT EXISTS) rather than in the
// shared migration list, so it merges with branches that add migrations of their own.
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../../tab/api/contract.js';
import type { HelpdeskAuditLog } from '../../../tab/api/ports.js';

interface Row {
  actor_id: string;
  actor_name: string | null;
  subject_id: string;
  call_id: string | null;
  action: AuditEntry['action'];
  at: string;
}

export function sqliteHelpdeskAudit(db: Database, now: () => Date): HelpdeskAuditLog {
  db.exec(`CREATE TABLE IF NOT EXISTS helpdesk_audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id  TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    actor_name TEXT,
    subject_id TEXT NOT NULL,
    call_id    TEXT,
    action     TEXT NOT NULL,
    at         TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS helpdesk_audit_by_tenant ON helpdesk_audit (tenant_id, seq);`);
  const insert = db.prepare('INSERT INTO helpdesk_audit (tenant_id, actor_id, actor_name, subject_id, call_id, action, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT actor_id, actor_name, subject_id, call_id, action, at FROM helpdesk_audit WHERE tenant_id = ? ORDER BY seq DESC LIMIT ?');
  return {
    async record(tenantId, entry) {
      insert.run(tenantId, entry.actorId, entry.actorName, entry.subjectId, entry.callId, entry.action, now().toISOString());
    },
    async recent(tenantId, limit) {
      return (select.all(tenantId, limit) as Row[]).map((r) => ({ actorId: r.actor_id, actorName: r.actor_name, subjectId: r.subject_id, callId: r.call_id, action: r.action, at: r.at }));
    },
  };
}
