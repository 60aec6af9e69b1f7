// The helpdesk audit log on Azure Table Storage: one partition per tenant, row keys that sort
// newest first (inverted milliseconds plus a random tail, so two reads in one millisecond both stay).
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../../tab/api/contract.js';
import type { HelpdeskAuditLog } from '../../../tab/api/ports.js';
import { tableKey, type AzureTables } from './tables.js';

const MAX_MS = 9_999_999_999_999;

export function azureHelpdeskAudit(tables: AzureTables, now: () => Date): HelpdeskAuditLog {
  const table = () => tables.table('helpdeskAudit');
  let sequence = 0;
  return {
    async record(tenantId, entry) {
      const at = now();
      // Same millisecond: a decreasing counter keeps the later write first.
      sequence = (sequence + 1) % 1_000_000;
      const rowKey = `${String(MAX_MS - at.getTime()).padStart(13, '0')}-${String(999_999 - sequence).padStart(6, '0')}-${randomUUID()}`;
      await (await table()).createEntity({
        partitionKey: tableKey(tenantId),
        rowKey,
        actorId: entry.actorId,
        actorName: entry.actorName ?? '',
        subjectId: entry.subjectId,
        callId: entry.callId ?? '',
        action: entry.action,
        at: at.toISOString(),
      });
    },
    async recent(tenantId, limit) {
      const entries: AuditEntry[] = [];
      const pages = (await table()).listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${tableKey(tenantId).replace(/'/g, "''")}'` } }).byPage({ maxPageSize: Math.min(limit, 1000) });
      for await (const page of pages) {
        for (const e of page) {
          entries.push({
            actorId: String(e.actorId),
            actorName: e.actorName ? String(e.actorName) : null,
            subjectId: String(e.subjectId),
            callId: e.callId ? String(e.callId) : null,
            action: String(e.action) as AuditEntry['action'],
            at: String(e.at),
          });
          if (entries.length >= limit) return entries;
        }
      }
      return entries;
    },
  };
}
