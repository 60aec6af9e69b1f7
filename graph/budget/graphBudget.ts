// The client-side Graph budget: admits a request only when every bucket it counts against has
// room, so Call Doctor stays under Graph's limits instead of collecting 429s. Two priorities:
// interactive requests (a person is waiting) are always considered before background ones, and
// background work may only fill part of each bucket, so a person arriving during a storm of
// notifications finds room at once. After a Retry-After pause a bucket resumes half-open: one
// request (the probe) goes first, and only its unthrottled answer releases the queue, because
// other instances sharing Graph's limit may still fill the window when Retry-After has passed.
import type { Priority } from '../contract.js';
import { GraphThrottledError } from '../errors.js';
import { GRAPH_LIMITS, bucketKey, isSharedBucket, type BucketLimit, type BucketRef, type BudgetLimits } from './buckets.js';

export interface BudgetOptions {
  /** Override documented limits (e.g. a stricter emulator, or a share of the tenant's limit). */
  readonly limits?: Partial<BudgetLimits>;
  /** Share of each bucket background work may use (0..1]; the rest is kept for people waiting. Default 0.8. */
  readonly backgroundShare?: number;
  /**
   * 429s for this many different records (or collections) within a window mean the app-wide
   * bucket is the one Graph is throttling, so it pauses too. Default 3.
   */
  readonly sharedPauseAfterKeys?: number;
}

/** A request admitted by the budget. Release it when the response (or failure) arrived; no outcome means no response. */
export interface BudgetLease {
  /**
   * `retryAfterMs`: Graph answered `status` (429 or 503) with Retry-After. A 503 holds every
   * bucket of the request that long; a 429 only its own per-record / per-collection / list bucket.
   */
  release(outcome?: BudgetOutcome): void;
}

export interface BudgetOutcome {
  readonly retryAfterMs?: number;
  /**
   * The response's HTTP status. With Retry-After, anything but 429 is treated as service-wide.
   * A probe answered with a status other than 429, 503 or 504 reopens its buckets.
   */
  readonly status?: number;
}

export interface BudgetSnapshot {
  readonly waiting: Readonly<Record<Priority, number>>;
  /** Requests admitted and not yet released. */
  readonly inFlight: number;
}

interface Slot {
  /** When this slot stops counting: window after the response, Infinity while in flight. */
  expiresAt: number;
}

interface Bucket {
  readonly limit: BucketLimit;
  readonly shared: boolean;
  readonly slots: Slot[];
  pausedUntil: number;
  /** Paused since the last successful probe: one request at a time until one is answered unthrottled. */
  halfOpen: boolean;
  /** A probe is in flight. */
  probing: boolean;
  /** Counts pauses, so a probe admitted before a later pause does not reopen the bucket. */
  pauses: number;
  /** Shared buckets: when each keyed bucket below them last got a 429. */
  readonly throttledKeys: Map<string, number>;
}

interface Waiter {
  readonly keys: readonly string[];
  readonly priority: Priority;
  readonly seq: number;
  readonly admit: (lease: BudgetLease) => void;
}

export class GraphBudget {
  private readonly limits: BudgetLimits;
  private readonly backgroundShare: number;
  private readonly sharedPauseAfterKeys: number;
  private readonly buckets = new Map<string, Bucket>();
  private waiters: Waiter[] = [];
  private seq = 0;
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDueAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly now: () => Date,
    options: BudgetOptions = {},
  ) {
    this.limits = { ...GRAPH_LIMITS, ...options.limits };
    this.backgroundShare = options.backgroundShare ?? 0.8;
    this.sharedPauseAfterKeys = options.sharedPauseAfterKeys ?? 3;
    if (!(this.backgroundShare > 0 && this.backgroundShare <= 1)) {
      throw new RangeError(`backgroundShare must be in (0, 1], got ${this.backgroundShare}`);
    }
  }

  /**
   * Resolves when the request may be sent; rejects with the signal's reason if aborted first, or
   * with a GraphThrottledError (saying when to retry) if it cannot go within `maxWaitMs`.
   */
  acquire(refs: readonly BucketRef[], priority: Priority, signal?: AbortSignal, maxWaitMs?: number): Promise<BudgetLease> {
    signal?.throwIfAborted();
    return new Promise<BudgetLease>((resolve, reject) => {
      let deadline: ReturnType<typeof setTimeout> | undefined;
      const leave = (reason: unknown): void => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        signal?.removeEventListener('abort', onAbort);
        clearTimeout(deadline);
        reject(reason);
        this.pump();
      };
      const onAbort = (): void => leave(signal?.reason);
      const waiter: Waiter = {
        keys: refs.map((ref) => this.bucketFor(ref)),
        priority,
        seq: this.seq++,
        admit: (lease) => {
          signal?.removeEventListener('abort', onAbort);
          clearTimeout(deadline);
          resolve(lease);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      if (maxWaitMs !== undefined) {
        deadline = setTimeout(() => {
          const waitMs = this.estimateWaitMs(waiter, this.now().getTime());
          leave(new GraphThrottledError(waitMs === undefined ? undefined : Math.max(1, Math.ceil(waitMs / 1000)), undefined));
        }, maxWaitMs);
      }
      this.pump();
    });
  }

  snapshot(): BudgetSnapshot {
    return {
      waiting: {
        interactive: this.waiters.filter((w) => w.priority === 'interactive').length,
        background: this.waiters.filter((w) => w.priority === 'background').length,
      },
      inFlight: this.inFlight,
    };
  }

  private bucketFor(ref: BucketRef): string {
    const key = bucketKey(ref);
    if (!this.buckets.has(key)) this.buckets.set(key, { limit: this.limits[ref.kind], shared: isSharedBucket(ref.kind), slots: [], pausedUntil: 0, halfOpen: false, probing: false, pauses: 0, throttledKeys: new Map() });
    return key;
  }

  private capacity(bucket: Bucket, priority: Priority): number {
    return priority === 'interactive' ? bucket.limit.limit : Math.max(1, Math.floor(bucket.limit.limit * this.backgroundShare));
  }

  /** Admits every waiter that fits, in priority order, then sleeps until the next slot frees up. */
  private pump(): void {
    const now = this.now().getTime();
    this.expire(now);
    const ordered = [...this.waiters].sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
    // A bucket someone earlier in line is waiting for is not given to anyone behind them.
    const claimed = new Set<string>();
    const admitted = new Set<Waiter>();
    for (const waiter of ordered) {
      const short = waiter.keys.filter((key) => {
        const bucket = this.buckets.get(key)!;
        return bucket.pausedUntil > now || (bucket.halfOpen && bucket.probing) || bucket.slots.length >= this.capacity(bucket, waiter.priority);
      });
      if (short.length === 0 && waiter.keys.every((key) => !claimed.has(key))) {
        admitted.add(waiter);
        waiter.admit(this.admit(waiter.keys));
      } else {
        for (const key of short) claimed.add(key);
      }
    }
    if (admitted.size > 0) this.waiters = this.waiters.filter((w) => !admitted.has(w));
    this.schedule(now);
  }

  private admit(keys: readonly string[]): BudgetLease {
    const taken = keys.map((key) => {
      const bucket = this.buckets.get(key)!;
      const slot: Slot = { expiresAt: Number.POSITIVE_INFINITY };
      bucket.slots.push(slot);
      // The first request through a half-open bucket is its probe; pump holds the rest back.
      const probeOfPause = bucket.halfOpen ? bucket.pauses : undefined;
      if (bucket.halfOpen) bucket.probing = true;
      return { key, slot, probeOfPause };
    });
    this.inFlight++;
    let released = false;
    return {
      release: (outcome) => {
        if (released) return;
        released = true;
        this.inFlight--;
        const now = this.now().getTime();
        for (const { key, slot, probeOfPause } of taken) {
          const bucket = this.buckets.get(key)!;
          // Graph counts the request when it arrives, somewhere before the response: a slot
          // counted until a full window after the response is never early.
          slot.expiresAt = now + bucket.limit.windowMs;
          if (probeOfPause === undefined) continue;
          bucket.probing = false;
          // Only an answer proves room; a timeout or dropped connection lets the next one probe.
          if (probeOfPause === bucket.pauses && isUnthrottledAnswer(outcome?.status)) bucket.halfOpen = false;
        }
        if (outcome?.retryAfterMs !== undefined) this.pause(keys, now, outcome.retryAfterMs, outcome.status === 429);
        this.pump();
      },
    };
  }

  /**
   * A 503 is the service as a whole: every bucket waits. A 429 pauses the request's own keyed
   * bucket; its shared buckets only once 429s have come for several different keys in a window.
   */
  private pause(keys: readonly string[], now: number, retryAfterMs: number, tooManyRequests: boolean): void {
    const until = now + retryAfterMs;
    const own = keys.filter((key) => !this.buckets.get(key)!.shared);
    const shared = keys.filter((key) => this.buckets.get(key)!.shared);
    const pauseAll = !tooManyRequests || own.length === 0;
    for (const key of own) this.hold(key, until);
    for (const key of shared) {
      const bucket = this.buckets.get(key)!;
      for (const [k, at] of bucket.throttledKeys) if (at <= now - bucket.limit.windowMs) bucket.throttledKeys.delete(k);
      for (const k of own) bucket.throttledKeys.set(k, now);
      if (pauseAll || bucket.throttledKeys.size >= this.sharedPauseAfterKeys) this.hold(key, until);
    }
  }

  private hold(key: string, until: number): void {
    const bucket = this.buckets.get(key)!;
    bucket.pausedUntil = Math.max(bucket.pausedUntil, until);
    bucket.halfOpen = true;
    bucket.pauses++;
  }

  /** How long until every bucket the waiter needs has room; undefined while that depends on responses still in flight. */
  private estimateWaitMs(waiter: Waiter, now: number): number | undefined {
    let wait = 0;
    for (const key of waiter.keys) {
      const bucket = this.buckets.get(key)!;
      const excess = bucket.slots.length - this.capacity(bucket, waiter.priority);
      const freeAt = excess < 0 ? now : [...bucket.slots].map((s) => s.expiresAt).sort((a, b) => a - b)[excess]!;
      // Behind a probe in flight, the wait depends on its answer.
      const probeAnsweredAt = bucket.halfOpen && bucket.probing ? Number.POSITIVE_INFINITY : now;
      wait = Math.max(wait, freeAt - now, bucket.pausedUntil - now, probeAnsweredAt - now);
    }
    return Number.isFinite(wait) ? wait : undefined;
  }

  private expire(now: number): void {
    const waitedFor = new Set(this.waiters.flatMap((w) => w.keys));
    for (const [key, bucket] of this.buckets) {
      for (let i = bucket.slots.length - 1; i >= 0; i--) if (bucket.slots[i]!.expiresAt <= now) bucket.slots.splice(i, 1);
      // Per-record buckets come and go with the records; forget the idle ones. A half-open one
      // with no slot left has seen no answer for a whole window, so Graph's window has moved on.
      for (const [k, at] of bucket.throttledKeys) if (at <= now - bucket.limit.windowMs) bucket.throttledKeys.delete(k);
      if (bucket.slots.length === 0 && bucket.pausedUntil <= now && bucket.throttledKeys.size === 0 && !waitedFor.has(key)) this.buckets.delete(key);
    }
  }

  private schedule(now: number): void {
    let next = Number.POSITIVE_INFINITY;
    for (const waiter of this.waiters) {
      for (const key of waiter.keys) {
        const bucket = this.buckets.get(key)!;
        if (bucket.pausedUntil > now) next = Math.min(next, bucket.pausedUntil);
        for (const slot of bucket.slots) next = Math.min(next, slot.expiresAt);
      }
    }
    if (next === this.timerDueAt) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDueAt = next;
    // With every slot in flight there is nothing to wait for but a release, which pumps again.
    if (next === Number.POSITIVE_INFINITY) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDueAt = Number.POSITIVE_INFINITY;
      this.pump();
    }, Math.max(0, next - now));
  }
}

/** Statuses Graph throttles or fails with for a while (the ones the SDK retries) do not reopen a bucket. */
function isUnthrottledAnswer(status: number | undefined): boolean {
  return status !== undefined && status !== 429 && status !== 503 && status !== 504;
}

function rank(waiter: Waiter): number {
  return waiter.priority === 'interactive' ? 0 : 1;
}
