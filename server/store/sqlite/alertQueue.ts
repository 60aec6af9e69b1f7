// The alert work queue in SQLite: a row per message, hidden while leased (visible_at_ms in the
// future) and handed out again when the lease runs out. Each lease gets a fresh token, so a
// receiver whose lease expired cannot complete a message someone else now holds.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AlertQueue, AlertWork, LeasedWork, PoisonEntry } from '../../alerts/ports.js';

interface QueueRow {
  readonly id: number;
  readonly tenant_id: string;
  readonly call_id: string;
  readonly change_type: AlertWork['changeType'];
  readonly source: AlertWork['source'];
  readonly received_at: string;
  readonly attempts: number;
}

interface PoisonRow extends Omit<QueueRow, 'id'> {
  readonly reason: string;
  readonly poisoned_at: string;
}

const toWork = (row: Omit<QueueRow, 'id' | 'attempts'>): AlertWork => ({
  callId: row.call_id,
  changeType: row.change_type,
  tenantId: row.tenant_id,
  receivedAt: new Date(row.received_at),
  source: row.source,
});

function parseReceipt(receipt: string): { id: number; token: string } {
  const at = receipt.indexOf(':');
  return { id: Number(receipt.slice(0, at)), token: receipt.slice(at + 1) };
}

export function sqliteAlertQueue(db: Database, now: () => Date): AlertQueue {
  const insert = db.prepare('INSERT INTO alert_queue (tenant_id, call_id, change_type, source, received_at, visible_at_ms) VALUES (?, ?, ?, ?, ?, ?)');
  const visible = db.prepare('SELECT id, tenant_id, call_id, change_type, source, received_at, attempts FROM alert_queue WHERE visible_at_ms <= ? ORDER BY visible_at_ms, id LIMIT ?');
  const lease = db.prepare('UPDATE alert_queue SET attempts = attempts + 1, lease_token = ?, visible_at_ms = ? WHERE id = ?');
  const held = db.prepare('SELECT id, tenant_id, call_id, change_type, source, received_at, attempts FROM alert_queue WHERE id = ? AND lease_token = ?');
  const remove = db.prepare('DELETE FROM alert_queue WHERE id = ? AND lease_token = ?');
  const delay = db.prepare('UPDATE alert_queue SET lease_token = NULL, visible_at_ms = ? WHERE id = ? AND lease_token = ?');
  const insertPoison = db.prepare('INSERT INTO alert_poison (tenant_id, call_id, change_type, source, received_at, reason, attempts, poisoned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const poisonList = db.prepare('SELECT tenant_id, call_id, change_type, source, received_at, reason, attempts, poisoned_at FROM alert_poison ORDER BY seq DESC LIMIT ?');

  const enqueueAll = db.transaction((messages: readonly AlertWork[], at: number) => {
    for (const m of messages) insert.run(m.tenantId, m.callId, m.changeType, m.source, m.receivedAt.toISOString(), at);
  });
  const receiveSome = db.transaction((max: number, visibilityTimeoutMs: number): LeasedWork[] => {
    const at = now().getTime();
    return (visible.all(at, max) as QueueRow[]).map((row) => {
      const token = randomUUID();
      lease.run(token, at + visibilityTimeoutMs, row.id);
      return { work: toWork(row), attempt: row.attempts + 1, receipt: `${row.id}:${token}` };
    });
  });
  const poisonOne = db.transaction((leased: LeasedWork, reason: string) => {
    const { id, token } = parseReceipt(leased.receipt);
    const row = held.get(id, token) as QueueRow | undefined;
    if (row === undefined) return;
    remove.run(id, token);
    insertPoison.run(row.tenant_id, row.call_id, row.change_type, row.source, row.received_at, reason, row.attempts, now().toISOString());
  });

  return {
    // better-sqlite3 commits synchronously (WAL, synchronous=NORMAL): durable against a process crash once this returns.
    async enqueue(messages) {
      if (messages.length > 0) enqueueAll(messages, now().getTime());
    },
    async receive(max, visibilityTimeoutMs) {
      return max > 0 ? receiveSome(max, visibilityTimeoutMs) : [];
    },
    async complete(leased) {
      const { id, token } = parseReceipt(leased.receipt);
      return remove.run(id, token).changes === 1;
    },
    async retryLater(leased, delayMs) {
      const { id, token } = parseReceipt(leased.receipt);
      return delay.run(now().getTime() + delayMs, id, token).changes === 1;
    },
    async poison(leased, reason) {
      poisonOne(leased, reason);
    },
    async listPoison(limit): Promise<PoisonEntry[]> {
      return (poisonList.all(limit) as PoisonRow[]).map((row) => ({ work: toWork(row), reason: row.reason, attempts: row.attempts, poisonedAt: new Date(row.poisoned_at) }));
    },
  };
}
