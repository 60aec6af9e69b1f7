import type { FullCallRecord } from '../contract.js';
import type { CallRecordCache } from '../ports.js';

/** CallRecordCache in process memory: for tests and single-process tools. Copies in and out, like a real store. */
export class MemoryCallRecordCache implements CallRecordCache {
  private readonly records = new Map<string, FullCallRecord>();

  async get(callId: string): Promise<FullCallRecord | undefined> {
    const record = this.records.get(callId);
    return record && structuredClone(record);
  }

  async put(record: FullCallRecord): Promise<void> {
    const stored = this.records.get(record.id);
    if (stored && (stored.version ?? -1) > (record.version ?? -1)) return;
    this.records.set(record.id, structuredClone(record));
  }

  async remove(callId: string): Promise<void> {
    this.records.delete(callId);
  }

  async pruneStartedBefore(cutoff: Date): Promise<number> {
    let removed = 0;
    for (const [id, record] of this.records) {
      if (record.startDateTime !== undefined && Date.parse(record.startDateTime) < cutoff.getTime()) {
        this.records.delete(id);
        removed++;
      }
    }
    return removed;
  }
}
