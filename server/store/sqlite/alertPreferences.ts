import type { Database } from 'better-sqlite3';
import type { AlertMode, AlertPreferenceStore, UserKey } from '../../../bot/index.js';

const MODES: readonly AlertMode[] = ['all', 'drops', 'off'];

export function sqliteAlertPreferences(db: Database, now: () => Date): AlertPreferenceStore {
  const upsert = db.prepare(
    `INSERT INTO alert_preferences (partition_key, row_key, mode, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`,
  );
  const select = db.prepare('SELECT mode FROM alert_preferences WHERE partition_key = ? AND row_key = ?').pluck();
  return {
    async get(user: UserKey) {
      return (select.get(user.tenantId, user.userId) as AlertMode | undefined) ?? 'all';
    },
    async set(user: UserKey, mode: AlertMode) {
      if (!MODES.includes(mode)) throw new Error(`Unknown alert mode "${String(mode)}"; expected one of ${MODES.join(', ')}`);
      upsert.run(user.tenantId, user.userId, mode, now().toISOString());
    },
  };
}
