import type { Database } from 'better-sqlite3';
import type { CallIndex, CallRecordCache } from '../../../graph/index.js';
import type { AlertPreferenceStore, ConversationReferenceStore, PendingDiagnosisStore } from '../../../bot/ports.js';
import { sqliteAlertPreferences } from './alertPreferences.js';
import { sqliteCallIndex } from './callIndex.js';
import { sqliteCallRecordCache } from './callRecordCache.js';
import { sqliteConversationReferences } from './conversationReferences.js';
import { sqliteFeedback, type SqliteFeedbackStore } from './feedback.js';
import { openDatabase } from './openDatabase.js';
import { sqlitePendingDiagnoses } from './pendingDiagnoses.js';

export interface BotStores {
  readonly conversations: ConversationReferenceStore;
  readonly alertPreferences: AlertPreferenceStore;
  readonly feedback: SqliteFeedbackStore;
  readonly pending: PendingDiagnosisStore;
}

export interface SqliteStore {
  readonly db: Database;
  readonly bot: BotStores;
  readonly graph: { readonly cache: CallRecordCache; readonly index: CallIndex };
  close(): void;
}

/** One SQLite file holding every port's tables; close it on shutdown so the WAL is checkpointed. */
export function createSqliteStore(options: { path: string; now: () => Date }): SqliteStore {
  const db = openDatabase(options);
  return {
    db,
    bot: {
      conversations: sqliteConversationReferences(db, options.now),
      alertPreferences: sqliteAlertPreferences(db, options.now),
      feedback: sqliteFeedback(db),
      pending: sqlitePendingDiagnoses(db),
    },
    graph: { cache: sqliteCallRecordCache(db), index: sqliteCallIndex(db) },
    close: () => {
      if (db.open) db.close();
    },
  };
}
