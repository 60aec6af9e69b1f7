import type { Database } from 'better-sqlite3';
import type { FeedbackEntry, UserKey } from '../../../bot/index.js';
import type { FeedbackTally, TalliedFeedbackStore } from '../feedbackTally.js';

export function sqliteFeedback(db: Database): TalliedFeedbackStore {
  // One vote per user and call: pressing "no" after "yes" is a change of mind, not a second vote.
  const upsert = db.prepare(
    `INSERT INTO feedback (partition_key, row_key, user_id, call_id, helpful, cause_code, at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET helpful = excluded.helpful, cause_code = excluded.cause_code, at = excluded.at`,
  );
  const tally = db.prepare(
    `SELECT cause_code AS causeCode, SUM(helpful) AS helpful, SUM(1 - helpful) AS notHelpful
     FROM feedback WHERE partition_key = ? GROUP BY cause_code ORDER BY cause_code`,
  );
  const forget = db.prepare('DELETE FROM feedback WHERE partition_key = ? AND user_id = ?');
  return {
    async forgetUser(user: UserKey) {
      return forget.run(user.tenantId, user.userId).changes;
    },
    async record(entry: FeedbackEntry) {
      const { tenantId, userId } = entry.user;
      upsert.run(tenantId, `${userId}|${entry.callId}`, userId, entry.callId, entry.helpful ? 1 : 0, entry.causeCode, entry.at.toISOString());
    },
    async tally(tenantId: string) {
      return tally.all(tenantId) as FeedbackTally[];
    },
  };
}
