import type { CallSummary } from '../contract.js';
import type { CallIndex, IndexCoverage, RecentRange } from '../ports.js';
import { compareNewestFirst, mergeSummary } from './mergeSummary.js';

/** CallIndex in process memory: for tests and single-process tools. */
export class MemoryCallIndex implements CallIndex {
  private readonly calls = new Map<string, Map<string, CallSummary>>();
  private readonly coverage = new Map<string, IndexCoverage>();

  async upsert(userId: string, calls: readonly CallSummary[]): Promise<void> {
    let rows = this.calls.get(userId);
    if (!rows) this.calls.set(userId, (rows = new Map()));
    for (const call of calls) rows.set(call.id, structuredClone(mergeSummary(rows.get(call.id), call)));
  }

  async recent(userId: string, range: RecentRange): Promise<CallSummary[]> {
    const since = range.since.getTime();
    const until = range.until?.getTime() ?? Number.POSITIVE_INFINITY;
    const matching = [...(this.calls.get(userId)?.values() ?? [])].filter((c) => {
      const start = Date.parse(c.startDateTime);
      return start >= since && start < until;
    });
    return matching.sort(compareNewestFirst).slice(0, range.limit ?? matching.length).map((c) => structuredClone(c));
  }

  async getCoverage(userId: string): Promise<IndexCoverage | undefined> {
    const coverage = this.coverage.get(userId);
    return coverage && { since: new Date(coverage.since), listedAt: new Date(coverage.listedAt) };
  }

  async setCoverage(userId: string, coverage: IndexCoverage): Promise<void> {
    this.coverage.set(userId, { since: new Date(coverage.since), listedAt: new Date(coverage.listedAt) });
  }

  async removeUser(userId: string): Promise<number> {
    const removed = this.calls.get(userId)?.size ?? 0;
    this.calls.delete(userId);
    this.coverage.delete(userId);
    return removed;
  }

  async pruneStartedBefore(cutoff: Date): Promise<number> {
    let removed = 0;
    for (const [userId, rows] of this.calls) {
      for (const [id, call] of rows) {
        if (Date.parse(call.startDateTime) < cutoff.getTime()) {
          rows.delete(id);
          removed++;
        }
      }
      if (rows.size === 0) this.calls.delete(userId);
    }
    return removed;
  }
}
