import type { Database } from 'better-sqlite3';
import type { AlertStores } from '../../alerts/ports.js';
import type { Store } from '../store.js';
import { sqliteAlertLog, sqliteProcessedVersions } from './alertLog.js';
import { sqliteAlertQueue } from './alertQueue.js';
import { sqliteLeases, sqliteSubscriptionStates } from './alertSubscriptions.js';
import { sqliteAlertPreferences } from './alertPreferences.js';
import { sqliteBotState } from './botState.js';
import { sqliteCallIndex } from './callIndex.js';
import { sqliteCallRecordCache } from './callRecordCache.js';
import { sqliteChannelDigests } from './channelDigests.js';
import { sqliteConversationReferences } from './conversationReferences.js';
import { sqliteFeedback } from './feedback.js';
import { sqliteHelpdeskAudit } from './helpdeskAudit.js';
import { openDatabase } from './openDatabase.js';
import { sqlitePendingDiagnoses } from './pendingDiagnoses.js';

export interface SqliteStore extends Store {
  readonly db: Database;
  readonly alerts: AlertStores;
}

/** One SQLite file holding every port's tables; close it on shutdown so the WAL is checkpointed. */
export function createSqliteStore(options: { path: string; now: () => Date }): SqliteStore {
  const db = openDatabase(options);
  return {
    kind: 'sqlite',
    db,
    bot: {
      conversations: sqliteConversationReferences(db, options.now),
      alertPreferences: sqliteAlertPreferences(db, options.now),
      feedback: sqliteFeedback(db),
      pending: sqlitePendingDiagnoses(db),
      digests: sqliteChannelDigests(db),
    },
    graph: { cache: sqliteCallRecordCache(db), index: sqliteCallIndex(db) },
    botState: sqliteBotState(db),
    tab: { audit: sqliteHelpdeskAudit(db, options.now) },
    alerts: {
      queue: sqliteAlertQueue(db, options.now),
      processed: sqliteProcessedVersions(db),
      log: sqliteAlertLog(db, options.now),
      subscriptions: sqliteSubscriptionStates(db),
      leases: sqliteLeases(db, options.now),
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}
