// bot/ports.ts on Azure Table Storage: the same partition (tenant) and row keys as the SQLite tables.
import { odata, type TableClient } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';
import type { AlertMode, AlertPreferenceStore, AlertSettings, AlertSettingsChange, ConversationReferenceStore, FeedbackEntry, PendingDiagnosis, PendingDiagnosisStore, UserKey } from '../../../bot/index.js';
import { checkAlertSettingsChange, DEFAULT_ALERT_SETTINGS } from '../../../bot/index.js';
import type { FeedbackTally, TalliedFeedbackStore } from '../feedbackTally.js';
import { deleteAll, getOrUndefined, isStatus, listAll, tableKey, writeWithRetry, type AzureTables, type StoredEntity } from './tables.js';

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
      await deleteOne(await table(), user);
    },
    async forgetUser(user: UserKey) {
      return deleteOne(await table(), user);
    },
  };
}

/** Deletes the user's row of a table keyed (tenant, user); 1 when it existed, 0 when not. */
async function deleteOne(table: TableClient, user: UserKey): Promise<number> {
  try {
    await table.deleteEntity(tableKey(user.tenantId), tableKey(user.userId));
    return 1;
  } catch (error) {
    if (isStatus(error, 404)) return 0;
    throw error;
  }
}

function settingsOf(entity: StoredEntity | undefined): AlertSettings {
  if (!entity) return DEFAULT_ALERT_SETTINGS;
  const quietStart = typeof entity.quietStart === 'string' && entity.quietStart !== '' ? entity.quietStart : null;
  const quietEnd = typeof entity.quietEnd === 'string' && entity.quietEnd !== '' ? entity.quietEnd : null;
  return {
    mode: MODES.includes(entity.mode as AlertMode) ? (entity.mode as AlertMode) : DEFAULT_ALERT_SETTINGS.mode,
    quietHours: quietStart && quietEnd ? { start: quietStart, end: quietEnd } : null,
    timeZone: typeof entity.timeZone === 'string' && entity.timeZone !== '' ? entity.timeZone : DEFAULT_ALERT_SETTINGS.timeZone,
    dailyCap: typeof entity.dailyCap === 'number' && entity.dailyCap >= 1 ? entity.dailyCap : DEFAULT_ALERT_SETTINGS.dailyCap,
  };
}

export function azureAlertPreferences(tables: AzureTables, now: () => Date): AlertPreferenceStore {
  const table = () => tables.table('alertPreferences');
  const read = async (user: UserKey): Promise<AlertSettings> => settingsOf(await getOrUndefined(await table(), tableKey(user.tenantId), tableKey(user.userId)));
  // Read-merge-write with ETags: a mode change and a quiet-hours change at once both survive.
  const apply = async (user: UserKey, change: AlertSettingsChange): Promise<void> => {
    checkAlertSettingsChange(change);
    const partitionKey = tableKey(user.tenantId);
    const rowKey = tableKey(user.userId);
    await writeWithRetry(await table(), partitionKey, rowKey, (stored) => {
      const next = { ...settingsOf(stored), ...change };
      // Empty strings stand for "none": Table Storage has no null property.
      return { partitionKey, rowKey, mode: next.mode, quietStart: next.quietHours?.start ?? '', quietEnd: next.quietHours?.end ?? '', timeZone: next.timeZone, dailyCap: next.dailyCap, updatedAt: now().toISOString() };
    });
  };
  return {
    async get(user: UserKey) {
      return (await read(user)).mode;
    },
    async set(user: UserKey, mode: AlertMode) {
      await apply(user, { mode });
    },
    getSettings: read,
    update: apply,
    async forgetUser(user: UserKey) {
      return deleteOne(await table(), user);
    },
  };
}

export function azureFeedback(tables: AzureTables): TalliedFeedbackStore {
  const table = () => tables.table('feedback');
  return {
    async forgetUser(user: UserKey) {
      const client = await table();
      return deleteAll(client, await listAll(client, odata`PartitionKey eq ${tableKey(user.tenantId)} and userId eq ${user.userId}`));
    },
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
    async forgetUser(user: UserKey) {
      const client = await table();
      return deleteAll(client, await listAll(client, odata`PartitionKey eq ${tableKey(user.tenantId)} and userId eq ${user.userId}`));
    },
  };
}
