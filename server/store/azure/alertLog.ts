// The alert log and the processed-version log (server/alerts/ports.ts) on Azure Tables. Claims
// are atomic across instances through the table's own concurrency: an insert fails with 409 when
// the row exists, and a take-over of a stale claim is an update conditional on the ETag read
// (412 when another instance changed it first), so exactly one caller ever sees 'claimed'.
import { odata } from '@azure/data-tables';
import type { UserKey } from '../../../bot/index.js';
import type { AlertKey, AlertLog, AlertLogEntry, ClaimOutcome, ProcessedVersionLog } from '../../alerts/ports.js';
import { deleteAll, getOrUndefined, isStatus, listAll, tableKey, writeWithRetry, type AzureTables, type Entity, type StoredEntity } from './tables.js';

const REASONS: readonly AlertLogEntry['reason'][] = ['alert', 'pending'];

export function azureProcessedVersions(tables: AzureTables): ProcessedVersionLog {
  const table = () => tables.table('alertProcessed');
  return {
    async get(tenantId, callId) {
      const entity = await getOrUndefined(await table(), tableKey(tenantId), tableKey(callId));
      return entity ? Number(entity.version) : undefined;
    },
    async record(tenantId, callId, version) {
      const partitionKey = tableKey(tenantId);
      const rowKey = tableKey(callId);
      await writeWithRetry(await table(), partitionKey, rowKey, (stored) => (stored && Number(stored.version) >= version ? undefined : { partitionKey, rowKey, version }));
    },
  };
}

/** Row keys: user then call, so one user's entries are one contiguous range of the tenant's partition. */
const rowKeyOf = (key: AlertKey): string => `${userPrefix(key)}${tableKey(key.callId)}`;
const userPrefix = (user: UserKey): string => `${tableKey(user.userId)}|`;
/** '}' follows '|' in code-unit order: RowKey lt this ends the user's range. */
const userRangeEnd = (user: UserKey): string => `${tableKey(user.userId)}}`;

export function azureAlertLog(tables: AzureTables, now: () => Date): AlertLog {
  const table = () => tables.table('alertLog');
  const userEntities = async (user: UserKey) =>
    listAll(await table(), odata`PartitionKey eq ${tableKey(user.tenantId)} and RowKey ge ${userPrefix(user)} and RowKey lt ${userRangeEnd(user)}`);

  return {
    async claim(key, reason, staleAfterMs) {
      const client = await table();
      const partitionKey = tableKey(key.tenantId);
      const rowKey = rowKeyOf(key);
      for (;;) {
        const at = now();
        const claim: Entity = { partitionKey, rowKey, userId: key.userId, callId: key.callId, state: 'sending', claimedAtMs: at.getTime(), reason };
        const stored = await getOrUndefined(client, partitionKey, rowKey);
        const outcome = existingOutcome(stored, at, staleAfterMs);
        if (outcome) return outcome;
        try {
          if (stored) await client.updateEntity(claim, 'Replace', { etag: stored.etag });
          else await client.createEntity(claim);
          return 'claimed';
        } catch (error) {
          // Another instance inserted or took it over between our read and write: look again.
          if (!isStatus(error, 409) && !isStatus(error, 412)) throw error;
        }
      }
    },

    async markSent(key) {
      const partitionKey = tableKey(key.tenantId);
      const rowKey = rowKeyOf(key);
      await writeWithRetry(await table(), partitionKey, rowKey, (stored) => (stored ? { ...withoutMetadata(stored), state: 'sent', sentAtMs: now().getTime() } : undefined));
    },

    async release(key) {
      const client = await table();
      const stored = await getOrUndefined(client, tableKey(key.tenantId), rowKeyOf(key));
      // Conditional on the ETag: a claim another instance took over meanwhile is theirs to keep.
      if (stored?.state === 'sending') await deleteAll(client, [stored]);
    },

    async countSince(user, since) {
      const client = await table();
      const filter = odata`PartitionKey eq ${tableKey(user.tenantId)} and RowKey ge ${userPrefix(user)} and RowKey lt ${userRangeEnd(user)} and claimedAtMs ge ${since.getTime()}`;
      return (await listAll(client, filter)).length;
    },

    async listForUser(user) {
      return (await userEntities(user)).map((entity) => toEntry(user, entity)).sort((a, b) => b.claimedAt.getTime() - a.claimedAt.getTime());
    },

    async removeUser(user) {
      return deleteAll(await table(), await userEntities(user));
    },
  };
}

/** What an existing row says before any write: undefined means the caller may claim it. */
function existingOutcome(stored: StoredEntity | undefined, at: Date, staleAfterMs: number): ClaimOutcome | undefined {
  if (!stored) return undefined;
  if (stored.state === 'sent') return 'sent';
  return Number(stored.claimedAtMs) + staleAfterMs > at.getTime() ? 'busy' : undefined;
}

function toEntry(user: UserKey, entity: StoredEntity): AlertLogEntry {
  const sentAtMs = entity.sentAtMs === undefined ? undefined : Number(entity.sentAtMs);
  return {
    tenantId: user.tenantId,
    userId: String(entity.userId),
    callId: String(entity.callId),
    state: entity.state === 'sent' ? 'sent' : 'sending',
    claimedAt: new Date(Number(entity.claimedAtMs)),
    sentAt: entity.state === 'sent' && sentAtMs !== undefined ? new Date(sentAtMs) : null,
    reason: REASONS.includes(entity.reason as AlertLogEntry['reason']) ? (entity.reason as AlertLogEntry['reason']) : 'alert',
  };
}

/** The stored properties without the service's metadata (etag, timestamp), ready to write back. */
function withoutMetadata(stored: StoredEntity): Entity {
  const { etag: _etag, timestamp: _timestamp, ...rest } = stored as StoredEntity & { timestamp?: unknown };
  return { ...rest, partitionKey: stored.partitionKey ?? '', rowKey: stored.rowKey ?? '' };
}
