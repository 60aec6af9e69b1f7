// Subscription state and named leases in SQLite (one instance; the lease still guards a second
// process opening the same file, e.g. a restart overlapping the old one).
import type { Database } from 'better-sqlite3';
import type { LeaseStore, SubscriptionState, SubscriptionStateStore } from '../../alerts/ports.js';

interface StoredState extends Omit<SubscriptionState, 'expiresAt' | 'coveredUntil'> {
  readonly expiresAt: string;
}

export function sqliteSubscriptionStates(db: Database): SubscriptionStateStore {
  const select = db.prepare("SELECT state, covered_until_ms FROM alert_subscription_state WHERE partition_key = ? AND row_key = ''");
  const upsert = db.prepare(
    `INSERT INTO alert_subscription_state (partition_key, row_key, state, covered_until_ms) VALUES (?, '', ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET state = excluded.state, covered_until_ms = excluded.covered_until_ms`,
  );
  const touch = db.prepare("UPDATE alert_subscription_state SET covered_until_ms = MAX(covered_until_ms, ?) WHERE partition_key = ? AND row_key = ''");
  const remove = db.prepare("DELETE FROM alert_subscription_state WHERE partition_key = ? AND row_key = ''");
  return {
    async get(name) {
      const row = select.get(name) as { state: string; covered_until_ms: number } | undefined;
      if (row === undefined) return undefined;
      const stored = JSON.parse(row.state) as StoredState;
      return { ...stored, expiresAt: new Date(stored.expiresAt), coveredUntil: new Date(row.covered_until_ms) };
    },
    async put(name, state) {
      const { coveredUntil, ...rest } = state;
      upsert.run(name, JSON.stringify({ ...rest, expiresAt: state.expiresAt.toISOString() }), coveredUntil.getTime());
    },
    async touch(name, at) {
      touch.run(at.getTime(), name);
    },
    async remove(name) {
      remove.run(name);
    },
  };
}

export function sqliteLeases(db: Database, now: () => Date): LeaseStore {
  // Takes the row when absent, expired or already ours; the WHERE makes it a compare-and-set.
  const acquire = db.prepare(
    `INSERT INTO leases (partition_key, row_key, holder, expires_at_ms) VALUES (?, '', ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET holder = excluded.holder, expires_at_ms = excluded.expires_at_ms
     WHERE leases.holder = excluded.holder OR leases.expires_at_ms <= ?`,
  );
  const renew = db.prepare("UPDATE leases SET expires_at_ms = ? WHERE partition_key = ? AND row_key = '' AND holder = ? AND expires_at_ms > ?");
  const release = db.prepare("DELETE FROM leases WHERE partition_key = ? AND row_key = '' AND holder = ?");
  return {
    async acquire(name, holder, ttlMs) {
      const at = now().getTime();
      if (acquire.run(name, holder, at + ttlMs, at).changes !== 1) return undefined;
      return { name, holder, expiresAt: new Date(at + ttlMs) };
    },
    async renew(name, holder, ttlMs) {
      const at = now().getTime();
      if (renew.run(at + ttlMs, name, holder, at).changes !== 1) return undefined;
      return { name, holder, expiresAt: new Date(at + ttlMs) };
    },
    async release(name, holder) {
      release.run(name, holder);
    },
  };
}
