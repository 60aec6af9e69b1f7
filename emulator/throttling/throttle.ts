// Graph's call-records throttling (graph-callrecords.md §8): fixed windows per bucket, the first
// limit hit answers 429 with Retry-After = seconds until that window resets. Retried requests
// still count, as on the real service.
export interface BucketRule {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

export const CALL_RECORD_RULES = {
  perAppPerTenant: { name: 'call records per application per tenant', limit: 1500, windowSeconds: 20 },
  perTenant: { name: 'call records per tenant, all applications', limit: 10_000, windowSeconds: 20 },
  perRecord: { name: 'per call record', limit: 40, windowSeconds: 20 },
  list: { name: 'list call records', limit: 40, windowSeconds: 20 },
} as const satisfies Record<string, BucketRule>;

export const REPORT_RULES = {
  perTenant: { name: 'PSTN reports per tenant', limit: 1000, windowSeconds: 60 },
  perAppPerTenant: { name: 'PSTN reports per application per tenant', limit: 200, windowSeconds: 60 },
  perCollection: { name: 'PSTN reports per collection', limit: 50, windowSeconds: 60 },
} as const satisfies Record<string, BucketRule>;

export interface BucketHit {
  readonly rule: BucketRule;
  readonly key: string;
}

export interface ThrottleDecision {
  readonly throttled: boolean;
  readonly retryAfterSeconds: number;
  readonly rule?: BucketRule;
}

interface Window {
  start: number;
  count: number;
}

export class Throttle {
  private readonly windows = new Map<string, Window>();
  private enabled: boolean;

  constructor(private readonly now: () => Date, enabled: boolean) {
    this.enabled = enabled;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    this.windows.clear();
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  /** Drops windows that have ended (per-record buckets accumulate in a long-running demo). */
  private prune(t: number): void {
    const longest = 60_000;
    for (const [id, w] of this.windows) if (t - w.start >= longest) this.windows.delete(id);
  }

  /** Counts the request in every bucket it belongs to; throttled if any bucket is over its limit. */
  check(hits: readonly BucketHit[]): ThrottleDecision {
    if (!this.enabled) return { throttled: false, retryAfterSeconds: 0 };
    const t = this.now().getTime();
    if (this.windows.size > 50_000) this.prune(t);
    let worst: ThrottleDecision = { throttled: false, retryAfterSeconds: 0 };
    for (const hit of hits) {
      const id = `${hit.rule.name}|${hit.key}`;
      const windowMs = hit.rule.windowSeconds * 1000;
      let window = this.windows.get(id);
      if (!window || t - window.start >= windowMs) {
        window = { start: t, count: 0 };
        this.windows.set(id, window);
      }
      window.count += 1;
      if (window.count > hit.rule.limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.start + windowMs - t) / 1000));
        if (retryAfterSeconds > worst.retryAfterSeconds) worst = { throttled: true, retryAfterSeconds, rule: hit.rule };
      }
    }
    return worst;
  }
}
