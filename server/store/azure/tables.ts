// Azure Table Storage plumbing shared by the STORE=azure ports: one TableClient per table,
// created on first use, key escaping, and optimistic concurrency for read-modify-write.
import { RestError, TableClient, type TableEntity, type TableEntityResult } from '@azure/data-tables';

export type Entity = TableEntity<Record<string, unknown>>;
export type StoredEntity = TableEntityResult<Record<string, unknown>>;

export class AzureTables {
  private readonly clients = new Map<string, Promise<TableClient>>();

  constructor(
    private readonly connectionString: string,
    /** Prefix for table names, so several deployments (or tests) can share one account. */
    private readonly prefix = 'calldoctor',
  ) {}

  table(name: string): Promise<TableClient> {
    let client = this.clients.get(name);
    if (!client) {
      const tableName = `${this.prefix}${name}`;
      // Azurite and local emulators speak plain http; real accounts are https and unaffected.
      const created = TableClient.fromConnectionString(this.connectionString, tableName, { allowInsecureConnection: /UseDevelopmentStorage|http:\/\//i.test(this.connectionString) });
      client = created.createTable().then(() => created);
      // A failed creation (account unreachable) is retried on the next call rather than cached.
      client.catch(() => this.clients.delete(name));
      this.clients.set(name, client);
    }
    return client;
  }
}

/** Row and partition keys may not contain / \ # ? or control characters. */
export function tableKey(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    const forbidden = '%/\\#?'.includes(c) || code < 0x20 || (code >= 0x7f && code <= 0x9f);
    out += forbidden ? `%${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

export function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}

export async function getOrUndefined(table: TableClient, partitionKey: string, rowKey: string): Promise<StoredEntity | undefined> {
  try {
    return await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

/**
 * Read-modify-write with ETags: `decide` sees the stored entity and returns the one to write (or
 * undefined to leave it). Retried when another writer got there first.
 */
export async function writeWithRetry(table: TableClient, partitionKey: string, rowKey: string, decide: (stored: StoredEntity | undefined) => Entity | undefined, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const stored = await getOrUndefined(table, partitionKey, rowKey);
    const next = decide(stored);
    if (!next) return;
    try {
      if (stored) await table.updateEntity(next, 'Replace', { etag: stored.etag });
      else await table.createEntity(next);
      return;
    } catch (error) {
      const conflict = isStatus(error, 409) || isStatus(error, 412);
      if (!conflict || attempt >= attempts) throw error;
    }
  }
}

export async function listAll(table: TableClient, filter: string): Promise<StoredEntity[]> {
  const out: StoredEntity[] = [];
  for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) out.push(entity);
  return out;
}

/** Deletes, ignoring entities someone else deleted first; returns how many this call removed. */
export async function deleteAll(table: TableClient, entities: readonly StoredEntity[]): Promise<number> {
  let removed = 0;
  for (const entity of entities) {
    try {
      await table.deleteEntity(entity.partitionKey ?? '', entity.rowKey ?? '', { etag: entity.etag });
      removed++;
    } catch (error) {
      if (!isStatus(error, 404) && !isStatus(error, 412)) throw error;
    }
  }
  return removed;
}
