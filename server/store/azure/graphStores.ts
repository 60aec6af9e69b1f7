// graph/ports.ts on Azure Table Storage. Records are gzipped and split over binary properties
// because one property holds at most 64 KiB and one entity 1 MiB; a large meeting's record
// (dozens of sessions, hundreds of participants) exceeds the first and, raw, can near the second.
import { gzipSync, gunzipSync } from 'node:zlib';
import { odata } from '@azure/data-tables';
import { compareNewestFirst, mergeSummary, readSummary, type CallIndex, type CallRecordCache, type CallSummary, type FullCallRecord, type IndexCoverage, type RecentRange } from '../../../graph/index.js';
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
      // Keep the newer version when an older fetch finishes last, and the alerts' note of what they were told.
      await writeWithRetry(await table(), entity.partitionKey, SINGLE_ROW, (stored) => {
        if (stored && Number(stored.version) > version) return undefined;
        return stored?.notifiedVersion === undefined ? entity : { ...entity, notifiedVersion: stored.notifiedVersion };
      });
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
    async markNotified(callId: string, version: number) {
      const client = await table();
      for (let attempt = 1; ; attempt++) {
        const stored = await getOrUndefined(client, tableKey(callId), SINGLE_ROW);
        if (!stored) return true;
        if (stored.notifiedVersion !== undefined && Number(stored.notifiedVersion) >= version) return false;
        try {
          // Merge: only the note changes, the record's parts are not sent again.
          await client.updateEntity({ partitionKey: tableKey(callId), rowKey: SINGLE_ROW, notifiedVersion: version }, 'Merge', { etag: stored.etag });
          return true;
        } catch (error) {
          if (!(isStatus(error, 412) || isStatus(error, 404)) || attempt >= 5) throw error;
        }
      }
    },
  };
}

const COVERAGE_ROW = 'coverage';

export function azureCallIndex(tables: AzureTables): CallIndex {
  const calls = () => tables.table('callIndex');
  const coverage = () => tables.table('callIndexCoverage');
  // The same entries keyed the other way (partition: call id; row: user id), so a call Graph no
  // longer has is dropped for its users without scanning every user's partition.
  const byCall = () => tables.table('callIndexByCall');
  return {
    async upsert(userId: string, summaries: readonly CallSummary[]) {
      const client = await calls();
      for (const summary of summaries) {
        let needsByCall = false;
        let startedAtMs = 0;
        await writeWithRetry(client, tableKey(userId), tableKey(summary.id), (stored) => {
          const merged = mergeSummary(stored ? readSummary(String(stored.summary)) : undefined, summary);
          // Rows written before the by-call copy existed get theirs on their next upsert.
          needsByCall = stored?.byCall !== true;
          startedAtMs = Date.parse(merged.startDateTime);
          return { partitionKey: tableKey(userId), rowKey: tableKey(summary.id), startedAtMs, summary: JSON.stringify(merged), byCall: true };
        });
        if (needsByCall) await (await byCall()).upsertEntity({ partitionKey: tableKey(summary.id), rowKey: tableKey(userId), startedAtMs }, 'Replace');
      }
    },
    async recent(userId: string, range: RecentRange) {
      const until = range.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
      const rows = await listAll(await calls(), odata`PartitionKey eq ${tableKey(userId)} and startedAtMs ge ${range.since.getTime()} and startedAtMs lt ${until}`);
      // Tables return rows in key order; the port promises newest first.
      const sorted = rows.map((row) => readSummary(String(row.summary))).sort(compareNewestFirst);
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
      const removed = await deleteAll(client, await listAll(client, odata`startedAtMs lt ${cutoff.getTime()}`));
      const reverse = await byCall();
      await deleteAll(reverse, await listAll(reverse, odata`startedAtMs lt ${cutoff.getTime()}`));
      return removed;
    },
    async removeCall(callId: string) {
      const reverse = await byCall();
      const users = await listAll(reverse, odata`PartitionKey eq ${tableKey(callId)}`);
      const client = await calls();
      let removed = 0;
      for (const user of users) {
        try {
          await client.deleteEntity(user.rowKey ?? '', tableKey(callId));
          removed++;
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
        }
      }
      await deleteAll(reverse, users);
      return removed;
    },
    async removeUser(userId: string) {
      const coverageClient = await coverage();
      await deleteAll(coverageClient, await listAll(coverageClient, odata`PartitionKey eq ${tableKey(userId)}`));
      const client = await calls();
      return deleteAll(client, await listAll(client, odata`PartitionKey eq ${tableKey(userId)}`));
    },
  };
}
