import type { FullCallRecord } from '../contract.js';
import type { CallRecordCache } from '../ports.js';

/** CallRecordCache in process memory: for tests and single-process tools. Copies in and out, like a real store. */
export class MemoryCallRecordCache implements CallRecordCache {
  private readonly records = new Map<string, FullCallRecord>();
  private readonly notified = new Map<string, number>();

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
    this.notified.delete(callId);
  }

  async markNotified(callId: string, version: number): Promise<boolean> {
    if (!this.records.has(callId)) return true;
    if ((this.notified.get(callId) ?? Number.NEGATIVE_INFINITY) >= version) return false;
    this.notified.set(callId, version);
    return true;
  }

  async pruneStartedBefore(cutoff: Date): Promise<number> {
    let removed = 0;
    for (const [id, record] of this.records) {
      if (record.startDateTime !== undefined && Date.parse(record.startDateTime) < cutoff.getTime()) {
        this.records.delete(id);
        this.notified.delete(id);
        removed++;
      }
    }
    return removed;
  }
}
