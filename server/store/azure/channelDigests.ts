// bot/ports.ts ChannelDigestStore on Azure Table Storage: partition tenant, row channel id, as in SQLite.
import type { ConversationReference } from 'botbuilder';
import type { ChannelDigestStore, ChannelDigestSubscription } from '../../../bot/index.js';
import { getOrUndefined, isStatus, tableKey, type AzureTables, type StoredEntity } from './tables.js';

function subscriptionOf(entity: StoredEntity): ChannelDigestSubscription {
  return {
    tenantId: String(entity.tenantId),
    channelId: String(entity.channelId),
    groupId: String(entity.groupId),
    reference: JSON.parse(String(entity.reference)) as Partial<ConversationReference>,
    createdAt: new Date(String(entity.createdAt)),
    lastPostedAt: typeof entity.lastPostedAt === 'string' && entity.lastPostedAt !== '' ? new Date(entity.lastPostedAt) : null,
  };
}

export function azureChannelDigests(tables: AzureTables): ChannelDigestStore {
  const table = () => tables.table('channelDigests');
  return {
    async save(s: ChannelDigestSubscription) {
      await (await table()).upsertEntity(
        {
          partitionKey: tableKey(s.tenantId),
          rowKey: tableKey(s.channelId),
          // Keys are escaped; the plain ids travel as properties.
          tenantId: s.tenantId,
          channelId: s.channelId,
          groupId: s.groupId,
          reference: JSON.stringify(s.reference),
          createdAt: s.createdAt.toISOString(),
          lastPostedAt: s.lastPostedAt?.toISOString() ?? '',
        },
        'Replace',
      );
    },
    async remove(tenantId: string, channelId: string) {
      try {
        await (await table()).deleteEntity(tableKey(tenantId), tableKey(channelId));
        return true;
      } catch (error) {
        if (isStatus(error, 404)) return false;
        throw error;
      }
    },
    async get(tenantId: string, channelId: string) {
      const entity = await getOrUndefined(await table(), tableKey(tenantId), tableKey(channelId));
      return entity && subscriptionOf(entity);
    },
    async list() {
      const out: ChannelDigestSubscription[] = [];
      for await (const entity of (await table()).listEntities<Record<string, unknown>>()) out.push(subscriptionOf(entity));
      return out;
    },
    async markPosted(tenantId: string, channelId: string, at: Date) {
      try {
        // Merge with a wildcard ETag updates only an existing row: an unsubscribed channel stays gone.
        await (await table()).updateEntity({ partitionKey: tableKey(tenantId), rowKey: tableKey(channelId), lastPostedAt: at.toISOString() }, 'Merge', { etag: '*' });
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },
  };
}
