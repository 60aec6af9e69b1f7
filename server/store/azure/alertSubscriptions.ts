// The Graph subscription's state and the manager's lease (server/alerts/ports.ts) on Azure
// Tables. The lease is one row per name whose holder and expiry change only through writes
// conditional on the ETag just read, so when several instances start at once exactly one holds
// it and the others see it taken: one instance manages the subscription, none creates a second.
import type { Lease, LeaseStore, SubscriptionState, SubscriptionStateStore } from '../../alerts/ports.js';
import { getOrUndefined, isStatus, tableKey, writeWithRetry, type AzureTables, type StoredEntity } from './tables.js';

const SUBSCRIPTION_PARTITION = 'subscription';
const LEASE_PARTITION = 'lease';

export function azureSubscriptionStates(tables: AzureTables): SubscriptionStateStore {
  const table = () => tables.table('alertSubscriptions');
  return {
    async get(name) {
      const entity = await getOrUndefined(await table(), SUBSCRIPTION_PARTITION, tableKey(name));
      return entity ? toState(entity) : undefined;
    },
    async put(name, state) {
      await (await table()).upsertEntity({ partitionKey: SUBSCRIPTION_PARTITION, rowKey: tableKey(name), ...fromState(state) }, 'Replace');
    },
    async touch(name, at) {
      const rowKey = tableKey(name);
      await writeWithRetry(await table(), SUBSCRIPTION_PARTITION, rowKey, (stored) =>
        stored && Number(stored.coveredUntilMs) < at.getTime() ? { partitionKey: SUBSCRIPTION_PARTITION, rowKey, ...fromState({ ...toState(stored), coveredUntil: at }) } : undefined,
      );
    },
    async remove(name) {
      try {
        await (await table()).deleteEntity(SUBSCRIPTION_PARTITION, tableKey(name));
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },
  };
}

function fromState(state: SubscriptionState) {
  return {
    subscriptionId: state.subscriptionId,
    resource: state.resource,
    notificationUrl: state.notificationUrl,
    // Tables have no null: an absent property reads back as null.
    ...(state.lifecycleNotificationUrl === null ? {} : { lifecycleNotificationUrl: state.lifecycleNotificationUrl }),
    expiresAtMs: state.expiresAt.getTime(),
    clientStateHash: state.clientStateHash,
    coveredUntilMs: state.coveredUntil.getTime(),
  };
}

function toState(entity: StoredEntity): SubscriptionState {
  return {
    subscriptionId: String(entity.subscriptionId),
    resource: String(entity.resource),
    notificationUrl: String(entity.notificationUrl),
    lifecycleNotificationUrl: typeof entity.lifecycleNotificationUrl === 'string' ? entity.lifecycleNotificationUrl : null,
    expiresAt: new Date(Number(entity.expiresAtMs)),
    clientStateHash: String(entity.clientStateHash),
    coveredUntil: new Date(Number(entity.coveredUntilMs)),
  };
}

export function azureLeases(tables: AzureTables, now: () => Date): LeaseStore {
  const table = () => tables.table('alertLeases');

  /** Writes `holder` over what was read (nothing, or `stored` by its ETag); undefined when another writer got there first. */
  const write = async (name: string, holder: string, ttlMs: number, stored: StoredEntity | undefined): Promise<Lease | undefined> => {
    const lease: Lease = { name, holder, expiresAt: new Date(now().getTime() + ttlMs) };
    const entity = { partitionKey: LEASE_PARTITION, rowKey: tableKey(name), holder, expiresAtMs: lease.expiresAt.getTime() };
    const client = await table();
    try {
      if (stored) await client.updateEntity(entity, 'Replace', { etag: stored.etag });
      else await client.createEntity(entity);
      return lease;
    } catch (error) {
      if (isStatus(error, 409) || isStatus(error, 412)) return undefined;
      throw error;
    }
  };
  const read = async (name: string) => getOrUndefined(await table(), LEASE_PARTITION, tableKey(name));
  const live = (stored: StoredEntity) => Number(stored.expiresAtMs) > now().getTime();

  return {
    async acquire(name, holder, ttlMs) {
      const stored = await read(name);
      if (stored && stored.holder !== holder && live(stored)) return undefined;
      return write(name, holder, ttlMs, stored);
    },
    async renew(name, holder, ttlMs) {
      const stored = await read(name);
      if (!stored || stored.holder !== holder || !live(stored)) return undefined;
      return write(name, holder, ttlMs, stored);
    },
    async release(name, holder) {
      const stored = await read(name);
      if (stored?.holder !== holder) return;
      try {
        await (await table()).deleteEntity(LEASE_PARTITION, tableKey(name), { etag: stored.etag });
      } catch (error) {
        // 404: already gone; 412: taken over after it expired, so no longer ours to give up.
        if (!isStatus(error, 404) && !isStatus(error, 412)) throw error;
      }
    },
  };
}
