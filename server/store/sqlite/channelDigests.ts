import type { Database } from 'better-sqlite3';
import type { ConversationReference } from 'botbuilder';
import type { ChannelDigestStore, ChannelDigestSubscription } from '../../../bot/index.js';

interface Row {
  readonly partition_key: string;
  readonly row_key: string;
  readonly group_id: string;
  readonly reference: string;
  readonly created_at: string;
  readonly last_posted_at: string | null;
}

function subscriptionOf(row: Row): ChannelDigestSubscription {
  return {
    tenantId: row.partition_key,
    channelId: row.row_key,
    groupId: row.group_id,
    reference: JSON.parse(row.reference) as Partial<ConversationReference>,
    createdAt: new Date(row.created_at),
    lastPostedAt: row.last_posted_at === null ? null : new Date(row.last_posted_at),
  };
}

export function sqliteChannelDigests(db: Database): ChannelDigestStore {
  const upsert = db.prepare(
    `INSERT INTO channel_digests (partition_key, row_key, group_id, reference, created_at, last_posted_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET group_id = excluded.group_id, reference = excluded.reference,
       created_at = excluded.created_at, last_posted_at = excluded.last_posted_at`,
  );
  const remove = db.prepare('DELETE FROM channel_digests WHERE partition_key = ? AND row_key = ?');
  const select = db.prepare('SELECT * FROM channel_digests WHERE partition_key = ? AND row_key = ?');
  const all = db.prepare('SELECT * FROM channel_digests ORDER BY partition_key, row_key');
  const posted = db.prepare('UPDATE channel_digests SET last_posted_at = ? WHERE partition_key = ? AND row_key = ?');
  return {
    async save(s: ChannelDigestSubscription) {
      upsert.run(s.tenantId, s.channelId, s.groupId, JSON.stringify(s.reference), s.createdAt.toISOString(), s.lastPostedAt?.toISOString() ?? null);
    },
    async remove(tenantId: string, channelId: string) {
      return remove.run(tenantId, channelId).changes > 0;
    },
    async get(tenantId: string, channelId: string) {
      const row = select.get(tenantId, channelId) as Row | undefined;
      return row && subscriptionOf(row);
    },
    async list() {
      return (all.all() as Row[]).map(subscriptionOf);
    },
    async markPosted(tenantId: string, channelId: string, at: Date) {
      posted.run(at.toISOString(), tenantId, channelId);
    },
  };
}
