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

/** Names for overriding limits, e.g. 'callRecords.perTenant' (tests lower a limit to trip it quickly). */
export type ThrottleLimitName = `callRecords.${keyof typeof CALL_RECORD_RULES}` | `reports.${keyof typeof REPORT_RULES}`;
export type ThrottleLimits = Partial<Record<ThrottleLimitName, number>>;

const RULES_BY_NAME: Record<ThrottleLimitName, BucketRule> = Object.fromEntries([
  ...Object.entries(CALL_RECORD_RULES).map(([key, rule]) => [`callRecords.${key}`, rule]),
  ...Object.entries(REPORT_RULES).map(([key, rule]) => [`reports.${key}`, rule]),
]) as Record<ThrottleLimitName, BucketRule>;

/** Each override's rule and limit; throws naming an unknown bucket or a limit that is not a positive integer. */
function resolveLimits(overrides: ThrottleLimits): Map<BucketRule, number> {
  const limits = new Map<BucketRule, number>();
  for (const [name, limit] of Object.entries(overrides)) {
    const rule = Object.hasOwn(RULES_BY_NAME, name) ? RULES_BY_NAME[name as ThrottleLimitName] : undefined;
    if (!rule) throw new Error(`Unknown throttling bucket '${name}'. Known: ${Object.keys(RULES_BY_NAME).join(', ')}.`);
    if (!Number.isInteger(limit) || (limit as number) < 1) throw new Error(`Throttling limit for '${name}' must be a positive integer, not ${String(limit)}.`);
    limits.set(rule, limit as number);
  }
  return limits;
}

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
  private readonly limits: ReadonlyMap<BucketRule, number>;
  private enabled: boolean;

  /** `limits` replaces Graph's limit for the named buckets (windows stay as documented). */
  constructor(private readonly now: () => Date, enabled: boolean, limits: ThrottleLimits = {}) {
    this.enabled = enabled;
    this.limits = resolveLimits(limits);
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
      if (window.count > (this.limits.get(hit.rule) ?? hit.rule.limit)) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.start + windowMs - t) / 1000));
        if (retryAfterSeconds > worst.retryAfterSeconds) worst = { throttled: true, retryAfterSeconds, rule: hit.rule };
      }
    }
    return worst;
  }
}
