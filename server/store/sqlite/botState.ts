// botbuilder's Storage (teams-ai turn state) in SQLite, with MemoryStorage's eTag rules: an item
// without an eTag (or '*') overwrites; one with a stale eTag is rejected.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';

const ROW = 'state';

export function sqliteBotState(db: Database): Storage {
  const select = db.prepare('SELECT etag, value FROM bot_state WHERE partition_key = ? AND row_key = ?');
  const upsert = db.prepare(
    `INSERT INTO bot_state (partition_key, row_key, etag, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (partition_key, row_key) DO UPDATE SET etag = excluded.etag, value = excluded.value`,
  );
  const remove = db.prepare('DELETE FROM bot_state WHERE partition_key = ? AND row_key = ?');

  const write = db.transaction((changes: StoreItems) => {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      const stored = select.get(key, ROW) as { etag: string } | undefined;
      if (stored && eTag && eTag !== '*' && eTag !== stored.etag) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      upsert.run(key, ROW, randomUUID(), JSON.stringify(value));
    }
  });

  return {
    async read(keys: string[]) {
      const items: StoreItems = {};
      for (const key of keys) {
        const row = select.get(key, ROW) as { etag: string; value: string } | undefined;
        if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
      }
      return items;
    },
    async write(changes: StoreItems) {
      write(changes);
    },
    async delete(keys: string[]) {
      for (const key of keys) remove.run(key, ROW);
    },
  };
}
