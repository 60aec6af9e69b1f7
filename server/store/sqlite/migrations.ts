// Schema history, applied in order and recorded in schema_migrations. Append only: a shipped
// migration is never edited. Every table is keyed (partition_key, row_key) so an Azure Table
// Storage implementation of the same ports can use the same keys (tenant as partition).
import type { Database } from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'bot stores: conversation references, alert preferences, feedback, pending diagnoses',
    sql: `
      CREATE TABLE conversation_references (
        partition_key TEXT NOT NULL,   -- tenant id
        row_key       TEXT NOT NULL,   -- user object id
        reference     TEXT NOT NULL,   -- JSON of Partial<ConversationReference>
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE TABLE alert_preferences (
        partition_key TEXT NOT NULL,   -- tenant id
        row_key       TEXT NOT NULL,   -- user object id
        mode          TEXT NOT NULL CHECK (mode IN ('all', 'drops', 'off')),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE TABLE feedback (
        partition_key TEXT NOT NULL,   -- tenant id
        row_key       TEXT NOT NULL,   -- user object id + '|' + call id: one vote per answer, last one wins
        user_id       TEXT NOT NULL,
        call_id       TEXT NOT NULL,
        helpful       INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        cause_code    TEXT,
        at            TEXT NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE TABLE pending_diagnoses (
        partition_key TEXT NOT NULL,   -- tenant id
        row_key       TEXT NOT NULL,   -- user object id + '|' + requested-at ISO time
        user_id       TEXT NOT NULL,
        requested_at  TEXT NOT NULL,
        expires_at    TEXT NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'graph stores: call record cache, per-user call index and its coverage',
    sql: `
      CREATE TABLE call_records (
        partition_key TEXT NOT NULL,   -- call id
        row_key       TEXT NOT NULL,   -- '' (one version per call)
        version       INTEGER NOT NULL,
        started_at_ms INTEGER,         -- for pruning at the 30-day retention
        record        TEXT NOT NULL,   -- JSON of FullCallRecord
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE INDEX call_records_started ON call_records (started_at_ms);
      CREATE TABLE call_index (
        partition_key TEXT NOT NULL,   -- user object id
        row_key       TEXT NOT NULL,   -- call id
        started_at_ms INTEGER NOT NULL,
        summary       TEXT NOT NULL,   -- JSON of CallSummary
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE INDEX call_index_recent ON call_index (partition_key, started_at_ms DESC);
      CREATE INDEX call_index_started ON call_index (started_at_ms);
      CREATE TABLE call_index_coverage (
        partition_key TEXT NOT NULL,   -- user object id
        row_key       TEXT NOT NULL,   -- ''
        since         TEXT NOT NULL,
        listed_at     TEXT NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'bot turn state (botbuilder Storage), so conversation state survives restarts',
    sql: `
      CREATE TABLE bot_state (
        partition_key TEXT NOT NULL,   -- botbuilder storage key, e.g. msteams/conversations/{id}
        row_key       TEXT NOT NULL,   -- 'state'
        etag          TEXT NOT NULL,
        value         TEXT NOT NULL,   -- JSON of the store item without its eTag
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: 'alert pipeline: work queue with visibility timeouts, poison, processed versions, alert log, subscription state, leases',
    sql: `
      CREATE TABLE alert_queue (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id     TEXT NOT NULL,
        call_id       TEXT NOT NULL,
        change_type   TEXT NOT NULL,
        source        TEXT NOT NULL,
        received_at   TEXT NOT NULL,
        visible_at_ms INTEGER NOT NULL, -- hidden while leased or backing off
        attempts      INTEGER NOT NULL DEFAULT 0,
        lease_token   TEXT             -- the current receipt; NULL when not leased
      );
      CREATE INDEX alert_queue_visible ON alert_queue (visible_at_ms, id);
      CREATE TABLE alert_poison (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id     TEXT NOT NULL,
        call_id       TEXT NOT NULL,
        change_type   TEXT NOT NULL,
        source        TEXT NOT NULL,
        received_at   TEXT NOT NULL,
        reason        TEXT NOT NULL,
        attempts      INTEGER NOT NULL,
        poisoned_at   TEXT NOT NULL
      );
      CREATE TABLE alert_processed (
        partition_key TEXT NOT NULL,   -- tenant id
        row_key       TEXT NOT NULL,   -- call id
        version       INTEGER NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE TABLE alert_log (
        partition_key TEXT NOT NULL,   -- tenant id
        row_key       TEXT NOT NULL,   -- user object id + '|' + call id: once per call per person
        user_id       TEXT NOT NULL,
        call_id       TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('sending', 'sent')),
        reason        TEXT NOT NULL CHECK (reason IN ('alert', 'pending')),
        claimed_at_ms INTEGER NOT NULL,
        sent_at       TEXT,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE INDEX alert_log_by_user ON alert_log (partition_key, user_id, claimed_at_ms);
      CREATE TABLE alert_subscription_state (
        partition_key TEXT NOT NULL,   -- subscription name
        row_key       TEXT NOT NULL,   -- ''
        state         TEXT NOT NULL,   -- JSON of SubscriptionState (clientState only as its hash)
        covered_until_ms INTEGER NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
      CREATE TABLE leases (
        partition_key TEXT NOT NULL,   -- lease name
        row_key       TEXT NOT NULL,   -- ''
        holder        TEXT NOT NULL,
        expires_at_ms INTEGER NOT NULL,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    description: 'alert rules (quiet hours, time zone, daily cap) beside the alert mode; channel digest subscriptions',
    sql: `
      ALTER TABLE alert_preferences ADD COLUMN quiet_start TEXT;   -- 'HH:MM' local, NULL: no quiet hours
      ALTER TABLE alert_preferences ADD COLUMN quiet_end   TEXT;   -- 'HH:MM' local
      ALTER TABLE alert_preferences ADD COLUMN time_zone   TEXT;   -- IANA zone the rules are read in
      ALTER TABLE alert_preferences ADD COLUMN daily_cap   INTEGER CHECK (daily_cap IS NULL OR daily_cap >= 1);
      CREATE TABLE channel_digests (
        partition_key  TEXT NOT NULL,  -- tenant id
        row_key        TEXT NOT NULL,  -- channel conversation id
        group_id       TEXT NOT NULL,  -- the team's Microsoft 365 group id
        reference      TEXT NOT NULL,  -- JSON of Partial<ConversationReference> of the channel
        created_at     TEXT NOT NULL,
        last_posted_at TEXT,
        PRIMARY KEY (partition_key, row_key)
      ) WITHOUT ROWID;
    `,
  },
];

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: Database, migrations: readonly Migration[], now: () => Date): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const record = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.description, now().toISOString());
    })();
    applied.push(migration.version);
  }
  return applied;
}
