// Microsoft Graph's documented throttling buckets for call records and their report functions
// (reference: graph-callrecords.md §8). The first limit hit throttles, so a request counts
// against every bucket it falls in.

export interface BucketLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export type BucketKind = 'callRecordsApp' | 'callRecords' | 'callRecord' | 'listCallRecords' | 'reports' | 'report';

/** A bucket a request counts against: the kind, and for per-record / per-collection buckets which one. */
export interface BucketRef {
  readonly kind: BucketKind;
  readonly id?: string;
}

export type BudgetLimits = Readonly<Record<BucketKind, BucketLimit>>;

export const GRAPH_LIMITS: BudgetLimits = {
  /**
   * Records, sessions and participants: per application across all tenants. One budget serves one
   * tenant and cannot reach it alone; budgets of several tenants meet it through a shared ledger.
   */
  callRecordsApp: { limit: 15_000, windowMs: 20_000 },
  /** Records, sessions and participants: per application per tenant. */
  callRecords: { limit: 1500, windowMs: 20_000 },
  /** Any request about one call record (its sessions and participants pages included). */
  callRecord: { limit: 40, windowMs: 20_000 },
  /** The list call records API (each page is a request). */
  listCallRecords: { limit: 40, windowMs: 20_000 },
  /** PSTN, Direct Routing, SMS, blocked-user and dial-out functions: per application per tenant. */
  reports: { limit: 200, windowMs: 60_000 },
  /** Per collection, i.e. per report function. */
  report: { limit: 50, windowMs: 60_000 },
};

export const buckets = {
  callRecord: (callId: string): BucketRef[] => [{ kind: 'callRecordsApp' }, { kind: 'callRecords' }, { kind: 'callRecord', id: callId }],
  list: (): BucketRef[] => [{ kind: 'callRecordsApp' }, { kind: 'callRecords' }, { kind: 'listCallRecords' }],
  report: (functionName: string): BucketRef[] => [{ kind: 'reports' }, { kind: 'report', id: functionName }],
  /** Subscriptions fall under Graph's global limits only, far above what Call Doctor sends. */
  none: (): BucketRef[] => [],
};

/**
 * App-wide buckets every request of a family counts against. A 429 names no bucket, and the
 * request's own (per record, per collection, list) is the likely one, so a single 429 pauses only
 * that one; pausing these would stall every other record a person may be asking about.
 */
export function isSharedBucket(kind: BucketKind): boolean {
  return kind === 'callRecordsApp' || kind === 'callRecords' || kind === 'reports';
}

/** Buckets Graph counts per application across tenants: shared ledgers key them without the tenant. */
export function isAppWideBucket(kind: BucketKind): boolean {
  return kind === 'callRecordsApp';
}

export function bucketKey(ref: BucketRef): string {
  return ref.id === undefined ? ref.kind : `${ref.kind}:${ref.id}`;
}
