import type { Database } from 'better-sqlite3';
import type { ConversationReference } from 'botbuilder';
import type { ConversationReferenceStore, UserKey } from '../../../bot/index.js';

export function sqliteConversationReferences(db: Database, now: () => Date): ConversationReferenceStore {
  const upsert = db.prepare(
    `INSERT INTO conversation_references (partition_key, row_key, reference, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
  );
  const select = db.prepare('SELECT reference FROM conversation_references WHERE partition_key = ? AND row_key = ?').pluck();
  const remove = db.prepare('DELETE FROM conversation_references WHERE partition_key = ? AND row_key = ?');
  return {
    async save(user: UserKey, reference: Partial<ConversationReference>) {
      upsert.run(user.tenantId, user.userId, JSON.stringify(reference), now().toISOString());
    },
    async get(user: UserKey) {
      const json = select.get(user.tenantId, user.userId) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as Partial<ConversationReference>);
    },
    async remove(user: UserKey) {
      remove.run(user.tenantId, user.userId);
    },
    async forgetUser(user: UserKey) {
      return remove.run(user.tenantId, user.userId).changes;
    },
  };
}
