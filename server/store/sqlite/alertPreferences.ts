import type { Database } from 'better-sqlite3';
import type { AlertMode, AlertPreferenceStore, AlertSettings, AlertSettingsChange, UserKey } from '../../../bot/index.js';
import { checkAlertSettingsChange, DEFAULT_ALERT_SETTINGS } from '../../../bot/index.js';

interface Row {
  readonly mode: AlertMode;
  readonly quiet_start: string | null;
  readonly quiet_end: string | null;
  readonly time_zone: string | null;
  readonly daily_cap: number | null;
}

function settingsOf(row: Row | undefined): AlertSettings {
  if (!row) return DEFAULT_ALERT_SETTINGS;
  return {
    mode: row.mode,
    quietHours: row.quiet_start !== null && row.quiet_end !== null ? { start: row.quiet_start, end: row.quiet_end } : null,
    timeZone: row.time_zone ?? DEFAULT_ALERT_SETTINGS.timeZone,
    dailyCap: row.daily_cap ?? DEFAULT_ALERT_SETTINGS.dailyCap,
  };
}

export function sqliteAlertPreferences(db: Database, now: () => Date): AlertPreferenceStore {
  const upsert = db.prepare(
    `INSERT INTO alert_preferences (partition_key, row_key, mode, quiet_start, quiet_end, time_zone, daily_cap, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET mode = excluded.mode, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
       time_zone = excluded.time_zone, daily_cap = excluded.daily_cap, updated_at = excluded.updated_at`,
  );
  const select = db.prepare('SELECT mode, quiet_start, quiet_end, time_zone, daily_cap FROM alert_preferences WHERE partition_key = ? AND row_key = ?');
  const remove = db.prepare('DELETE FROM alert_preferences WHERE partition_key = ? AND row_key = ?');
  const read = (user: UserKey): AlertSettings => settingsOf(select.get(user.tenantId, user.userId) as Row | undefined);
  // Read-merge-write in one transaction: two changes at once (mode and quiet hours) both survive.
  const update = db.transaction((user: UserKey, change: AlertSettingsChange) => {
    const next = { ...read(user), ...change };
    upsert.run(user.tenantId, user.userId, next.mode, next.quietHours?.start ?? null, next.quietHours?.end ?? null, next.timeZone, next.dailyCap, now().toISOString());
  });
  const apply = (user: UserKey, change: AlertSettingsChange): void => {
    checkAlertSettingsChange(change);
    update(user, change);
  };
  return {
    async get(user: UserKey) {
      return read(user).mode;
    },
    async set(user: UserKey, mode: AlertMode) {
      apply(user, { mode });
    },
    async getSettings(user: UserKey) {
      return read(user);
    },
    async update(user: UserKey, change: AlertSettingsChange) {
      apply(user, change);
    },
    async forgetUser(user: UserKey) {
      return remove.run(user.tenantId, user.userId).changes;
    },
  };
}
