// bot/ports.ts on Azure Table Storage: the same partition (tenant) and row keys as the SQLite tables.
import { odata } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';
import type { AlertMode, AlertPreferenceStore, ConversationReferenceStore, FeedbackEntry, PendingDiagnosis, PendingDiagnosisStore, UserKey } from '../../../bot/index.js';
import type { FeedbackTally, TalliedFeedbackStore } from '../feedbackTally.js';
import { deleteAll, getOrUndefined, isStatus, listAll, tableKey, type AzureTables } from './tables.js';

const MODES: readonly AlertMode[] = ['all', 'drops', 'off'];

export function azureConversationReferences(tables: AzureTables, now: () => Date): ConversationReferenceStore {
  const table = () => tables.table('conversationReferences');
  return {
    async save(user: UserKey, reference: Partial<ConversationReference>) {
      await (await table()).upsertEntity({ partitionKey: tableKey(user.tenantId), rowKey: tableKey(user.userId), reference: JSON.stringify(reference), updatedAt: now().toISOString() }, 'Replace');
    },
    async get(user: UserKey) {
      const entity = await getOrUndefined(await table(), tableKey(user.tenantId), tableKey(user.userId));
      return entity ? (JSON.parse(String(entity.reference)) as Partial<ConversationReference>) : undefined;
    },
    async remove(user: UserKey) {
      try {
        await (await table()).deleteEntity(tableKey(user.tenantId), tableKey(user.userId));
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },
  };
}

export function azureAlertPreferences(tables: AzureTables, now: () => Date): AlertPreferenceStore {
  const table = () => tables.table('alertPreferences');
  return {
    async get(user: UserKey) {
      const entity = await getOrUndefined(await table(), tableKey(user.tenantId), tableKey(user.userId));
      return entity && MODES.includes(entity.mode as AlertMode) ? (entity.mode as AlertMode) : 'all';
    },
    async set(user: UserKey, mode: AlertMode) {
      if (!MODES.includes(mode)) throw new Error(`Unknown alert mode "${String(mode)}"; expected one of ${MODES.join(', ')}`);
      await (await table()).upsertEntity({ partitionKey: tableKey(user.tenantId), rowKey: tableKey(user.userId), mode, updatedAt: now().toISOString() }, 'Replace');
    },
  };
}

export function azureFeedback(tables: AzureTables): TalliedFeedbackStore {
  const table = () => tables.table('feedback');
  return {
    async record(entry: FeedbackEntry) {
      const { tenantId, userId } = entry.user;
      await (await table()).upsertEntity(
        { partitionKey: tableKey(tenantId), rowKey: tableKey(`${userId}|${entry.callId}`), userId, callId: entry.callId, helpful: entry.helpful, causeCode: entry.causeCode ?? '', at: entry.at.toISOString() },
        'Replace',
      );
    },
    async tally(tenantId: string) {
      const counts = new Map<string, { helpful: number; notHelpful: number }>();
      for (const entity of await listAll(await table(), odata`PartitionKey eq ${tableKey(tenantId)}`)) {
        const key = String(entity.causeCode ?? '');
        const count = counts.get(key) ?? { helpful: 0, notHelpful: 0 };
        if (entity.helpful === true) count.helpful++;
        else count.notHelpful++;
        counts.set(key, count);
      }
      return [...counts.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([cause, count]): FeedbackTally => ({ causeCode: cause === '' ? null : cause, ...count }));
    },
  };
}

export function azurePendingDiagnoses(tables: AzureTables): PendingDiagnosisStore {
  const table = () => tables.table('pendingDiagnoses');
  return {
    async add(request: PendingDiagnosis) {
      const { tenantId, userId } = request.user;
      const requestedAt = request.requestedAt.toISOString();
      await (await table()).upsertEntity({ partitionKey: tableKey(tenantId), rowKey: tableKey(`${userId}|${requestedAt}`), userId, requestedAt, expiresAt: request.expiresAt.toISOString() }, 'Replace');
    },
    async take(user: UserKey, now: Date) {
      const client = await table();
      const mine = await listAll(client, odata`PartitionKey eq ${tableKey(user.tenantId)} and userId eq ${user.userId}`);
      // Only what this call managed to delete is returned, so two workers never both fulfil a request.
      const taken: PendingDiagnosis[] = [];
      for (const entity of mine) {
        if ((await deleteAll(client, [entity])) === 0) continue;
        const expiresAt = new Date(String(entity.expiresAt));
        if (expiresAt.getTime() > now.getTime()) taken.push({ user: { tenantId: user.tenantId, userId: user.userId }, requestedAt: new Date(String(entity.requestedAt)), expiresAt });
      }
      return taken;
    },
  };
}
