// botbuilder's Storage (teams-ai turn state) on Azure Tables, with MemoryStorage's eTag rules
// mapped onto the table's own ETags, so two instances cannot silently overwrite each other.
import type { Storage, StoreItems } from 'botbuilder';
import { getOrUndefined, isStatus, tableKey, type AzureTables } from './tables.js';

const ROW = 'state';

export function azureBotState(tables: AzureTables): Storage {
  const table = () => tables.table('botState');
  return {
    async read(keys: string[]) {
      const client = await table();
      const items: StoreItems = {};
      for (const key of keys) {
        const entity = await getOrUndefined(client, tableKey(key), ROW);
        if (entity) items[key] = { ...(JSON.parse(String(entity.value)) as object), eTag: entity.etag };
      }
      return items;
    },
    async write(changes: StoreItems) {
      const client = await table();
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        const entity = { partitionKey: tableKey(key), rowKey: ROW, value: JSON.stringify(value) };
        try {
          if (eTag && eTag !== '*') await client.updateEntity(entity, 'Replace', { etag: eTag });
          else await client.upsertEntity(entity, 'Replace');
        } catch (error) {
          // 412: changed since it was read; 404: deleted since; both are the caller's stale eTag.
          if (isStatus(error, 412) || isStatus(error, 404)) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`, { cause: error });
          throw error;
        }
      }
    },
    async delete(keys: string[]) {
      const client = await table();
      for (const key of keys) {
        try {
          await client.deleteEntity(tableKey(key), ROW);
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
        }
      }
    },
  };
}
