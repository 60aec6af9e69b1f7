import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS, migrate, type Migration } from './migrations.js';

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for a throwaway database. */
  readonly path: string;
  readonly now: () => Date;
  readonly migrations?: readonly Migration[];
}

/** Opens (creating if needed) the SQLite file, switches to WAL and brings the schema up to date. */
export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new BetterSqlite3(options.path);
  try {
    // WAL lets the HTTP handlers read while a worker writes; busy_timeout rides out brief locks.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS, options.now);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
