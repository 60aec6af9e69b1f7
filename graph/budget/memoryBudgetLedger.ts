// The in-process ledger: budgets in one process (two tenants of one app, tests, the benchmark)
// share Graph's limits through it. Idle buckets are forgotten as their slices expire.
import type { BudgetLedger, LedgerAnswer, LedgerReservation } from './budgetLedger.js';
import { applyReservation, DEFAULT_LEDGER_TIMING, liveSlices, type BucketSlices, type LedgerTiming } from './ledgerWindow.js';

export class MemoryBudgetLedger implements BudgetLedger {
  private readonly state = new Map<string, BucketSlices>();
  private readonly windows = new Map<string, number>();

  constructor(private readonly timing: LedgerTiming = DEFAULT_LEDGER_TIMING) {}

  reserve(reservation: LedgerReservation): Promise<LedgerAnswer> {
    const now = reservation.at.getTime();
    for (const bucket of reservation.buckets) this.windows.set(bucket.key, bucket.windowMs);
    const answer = applyReservation(this.state, reservation, this.timing);
    if (this.state.size > 1_000) this.forgetIdle(now);
    return Promise.resolve(answer);
  }

  private forgetIdle(now: number): void {
    for (const [key, slices] of this.state) {
      if (liveSlices(slices, this.windows.get(key) ?? 0, now, this.timing).length === 0) {
        this.state.delete(key);
        this.windows.delete(key);
      }
    }
  }
}
