// The port through which several budgets (instances of the server, or tenants of one app) share
// Graph's limits: a ledger of requests sent per bucket, kept in sliding windows. A budget asks it
// for room before it lets a request go; the ledger records the request (all of its buckets or
// none) or says when room will free up. graph/ holds the rules (ledgerWindow.ts) and an
// in-process ledger; server/store/azure keeps the same rules in Azure Tables for STORE=azure.

/** One bucket a reservation needs room in. */
export interface LedgerBucket {
  /** Scoped key: the same bucket of the same app (and tenant) has the same key in every instance. */
  readonly key: string;
  /** How many requests this caller may see in the bucket's window, its own included (background asks for less). */
  readonly limit: number;
  readonly windowMs: number;
}

export interface LedgerReservation {
  readonly buckets: readonly LedgerBucket[];
  /** Requests to record in every bucket; 1 per Graph request. */
  readonly count: number;
  /** The caller's clock: the ledger's windows run on the callers' clocks. */
  readonly at: Date;
}

export type LedgerAnswer =
  | { readonly granted: true }
  /** Nothing was recorded; `key` is the bucket that was full and `retryAt` when it will have room. */
  | { readonly granted: false; readonly key: string; readonly retryAt: Date };

export interface BudgetLedger {
  /** Records the requests in every bucket if each has room for them in its window, otherwise in none. */
  reserve(reservation: LedgerReservation): Promise<LedgerAnswer>;
}
