// graph/ports.ts on Azure Table Storage. Records are gzipped and split over binary properties
// because one property holds at most 64 KiB and one entity 1 MiB; a large meeting's record
// (dozens of sessions, hundreds of participants) exceeds the first and, raw, can near the second.
import { gzipSync, gunzipSync } from 'node:zlib';
import { odata } from '@azure/data-tables';
import { compareNewestFirst, mergeSummary, type CallIndex, type CallRecordCache, type CallSummary, type FullCallRecord, type IndexCoverage, type RecentRange } from '../../../graph/index.js';
import { deleteAll, getOrUndefined, isStatus, listAll, tableKey, writeWithRetry, type AzureTables, type Entity, type StoredEntity } from './tables.js';

const PART_BYTES = 60 * 1024;
/** Leaves room under the 1 MiB entity limit for the other properties. */
const MAX_PARTS = 15;
const SINGLE_ROW = 'record';

function packRecord(record: FullCallRecord): Record<string, Uint8Array | number> {
  const zipped = gzipSync(JSON.stringify(record));
  const parts = Math.ceil(zipped.length / PART_BYTES);
  if (parts > MAX_PARTS) throw new Error(`call record ${record.id} is ${zipped.length} bytes compressed, more than one table entity holds`);
  const out: Record<string, Uint8Array | number> = { parts };
  for (let i = 0; i < parts; i++) out[`part${i}`] = new Uint8Array(zipped.subarray(i * PART_BYTES, (i + 1) * PART_BYTES));
  return out;
}

function unpackRecord(entity: StoredEntity): FullCallRecord {
  const parts = Number(entity.parts);
  const chunks = Array.from({ length: parts }, (_, i) => Buffer.from(entity[`part${i}`] as Uint8Array));
  return JSON.parse(gunzipSync(Buffer.concat(chunks)).toString('utf8')) as FullCallRecord;
}

const startedMs = (iso: string | null | undefined): number | undefined => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

export function azureCallRecordCache(tables: AzureTables): CallRecordCache {
  const table = () => tables.table('callRecords');
  return {
    async get(callId: string) {
      const entity = await getOrUndefined(await table(), tableKey(callId), SINGLE_ROW);
      return entity ? unpackRecord(entity) : undefined;
    },
    async put(record: FullCallRecord) {
      const version = record.version ?? -1;
      const started = startedMs(record.startDateTime);
      const entity: Entity = { partitionKey: tableKey(record.id), rowKey: SINGLE_ROW, version, ...(started === undefined ? {} : { startedAtMs: started }), ...packRecord(record) };
      // Keep the newer version when an older fetch finishes last.
      await writeWithRetry(await table(), entity.partitionKey, SINGLE_ROW, (stored) => (stored && Number(stored.version) > version ? undefined : entity));
    },
    async remove(callId: string) {
      try {
        await (await table()).deleteEntity(tableKey(callId), SINGLE_ROW);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },
    async pruneStartedBefore(cutoff: Date) {
      const client = await table();
      return deleteAll(client, await listAll(client, odata`startedAtMs lt ${cutoff.getTime()}`));
    },
  };
}

const COVERAGE_ROW = 'coverage';

export function azureCallIndex(tables: AzureTables): CallIndex {
  const calls = () => tables.table('callIndex');
  const coverage = () => tables.table('callIndexCoverage');
  return {
    async upsert(userId: string, summaries: readonly CallSummary[]) {
      const client = await calls();
      for (const summary of summaries) {
        await writeWithRetry(client, tableKey(userId), tableKey(summary.id), (stored) => {
          const merged = mergeSummary(stored ? (JSON.parse(String(stored.summary)) as CallSummary) : undefined, summary);
          return { partitionKey: tableKey(userId), rowKey: tableKey(summary.id), startedAtMs: Date.parse(merged.startDateTime), summary: JSON.stringify(merged) };
        });
      }
    },
    async recent(userId: string, range: RecentRange) {
      const until = range.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
      const rows = await listAll(await calls(), odata`PartitionKey eq ${tableKey(userId)} and startedAtMs ge ${range.since.getTime()} and startedAtMs lt ${until}`);
      // Tables return rows in key order; the port promises newest first.
      const sorted = rows.map((row) => JSON.parse(String(row.summary)) as CallSummary).sort(compareNewestFirst);
      return range.limit === undefined ? sorted : sorted.slice(0, range.limit);
    },
    async getCoverage(userId: string): Promise<IndexCoverage | undefined> {
      const entity = await getOrUndefined(await coverage(), tableKey(userId), COVERAGE_ROW);
      return entity && { since: new Date(String(entity.since)), listedAt: new Date(String(entity.listedAt)) };
    },
    async setCoverage(userId: string, value: IndexCoverage) {
      await (await coverage()).upsertEntity({ partitionKey: tableKey(userId), rowKey: COVERAGE_ROW, since: value.since.toISOString(), listedAt: value.listedAt.toISOString() }, 'Replace');
    },
    async pruneStartedBefore(cutoff: Date) {
      const client = await calls();
      return deleteAll(client, await listAll(client, odata`startedAtMs lt ${cutoff.getTime()}`));
    },
    async removeUser(userId: string) {
      const coverageClient = await coverage();
      await deleteAll(coverageClient, await listAll(coverageClient, odata`PartitionKey eq ${tableKey(userId)}`));
      const client = await calls();
      return deleteAll(client, await listAll(client, odata`PartitionKey eq ${tableKey(userId)}`));
    },
  };
}
