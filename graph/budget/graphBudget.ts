// The client-side Graph budget: admits a request only when every bucket it counts against has
// room, so Call Doctor stays under Graph's limits instead of collecting 429s. Two priorities:
// interactive requests (a person is waiting) are always considered before background ones, and
// background work may only fill part of each bucket, so a person arriving during a storm of
// notifications finds room at once. After a Retry-After pause a bucket resumes half-open: one
// request (the probe) goes first, and only its unthrottled answer releases the queue, because
// other instances sharing Graph's limit may still fill the window when Retry-After has passed.
// With a shared ledger (several instances, or several tenants of one app) a request that fits
// here is also recorded in the ledger before it goes, so together they stay under Graph's limits.
import type { Priority } from '../contract.js';
import type { BudgetLedger, LedgerAnswer } from './budgetLedger.js';
import { GraphThrottledError } from '../errors.js';
import { IndexedHeap } from './heap.js';
import { GRAPH_LIMITS, bucketKey, isAppWideBucket, isSharedBucket, type BucketLimit, type BucketRef, type BudgetLimits } from './buckets.js';

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
  /** Called once per unit of scheduling work (a comparison, a room check): lets a test count work instead of timing it. */
  readonly countStep?: () => void;
  /**
   * Graph's limits shared with other budgets of the same app: every request is recorded in the
   * ledger before it goes. Ledger keys are `appId|tenantId|bucket`, and `appId|*|bucket` for the
   * buckets Graph counts per app across tenants.
   */
  readonly shared?: { readonly ledger: BudgetLedger; readonly appId: string; readonly tenantId: string };
  /** Runs `callback` after `delayMs` on the budget's clock; returns a cancel. Default setTimeout (tests pass a manual clock's). */
  readonly setTimer?: (callback: () => void, delayMs: number) => () => void;
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
  /** Throttling pauses recorded so far (each 429 or 503 that held a bucket), so callers can wait for one. */
  readonly pauses: number;
  /** Requests that fit here and wait for the shared ledger's answer (always 0 without one). */
  readonly reserving: number;
  /** Ledger calls that failed; those requests went on this budget's word alone. */
  readonly ledgerErrors: number;
}

interface Bucket {
  readonly key: string;
  readonly limit: BucketLimit;
  readonly shared: boolean;
  /** Requests admitted and not answered yet: they count until a window after their response. */
  inFlight: number;
  /** When each answered request stops counting, ascending; entries before `releasedHead` are gone. */
  readonly released: number[];
  releasedHead: number;
  pausedUntil: number;
  /** Paused since the last successful probe: one request at a time until one is answered unthrottled. */
  halfOpen: boolean;
  /** A probe is in flight. */
  probing: boolean;
  /** Counts pauses, so a probe admitted before a later pause does not reopen the bucket. */
  pauses: number;
  /** Shared buckets: when each keyed bucket below them last got a 429. */
  readonly throttledKeys: Map<string, number>;
  /** Waiters that need this bucket (parked here or elsewhere): a bucket someone needs is kept. */
  needed: number;
  /** Waiters whose first bucket without room was this one, in line order. */
  readonly parked: IndexedHeap<Waiter>;
  /** The bucket's key in the shared ledger. */
  readonly ledgerKey: string;
  /** The shared ledger said this bucket has no room for the priority until then. */
  readonly ledgerUntil: Record<Priority, number>;
}

interface Waiter {
  readonly keys: readonly string[];
  readonly priority: Priority;
  readonly seq: number;
  /** Left (aborted, out of time) while the ledger was asked. */
  gone: boolean;
  readonly admit: (lease: BudgetLease) => void;
  /** The bucket it waits in, until admitted or gone. */
  parkedOn: Bucket | undefined;
}

/** Local slots taken for a request: handed over as a lease, or given back if the shared ledger says no. */
interface Admission {
  readonly lease: BudgetLease;
  cancel(): void;
}

/** A moment a bucket may change by itself: a slot stops counting, a pause or a 429's memory ends. */
interface TimedEvent {
  readonly at: number;
  readonly key: string;
}

/**
 * Work is proportional to what changes, not to how many wait: each waiter waits in the first of
 * its buckets without room, in a heap in line order (interactive first, then arrival), and only
 * a bucket that gains room (a slot's window passed, a pause ended, a probe was answered) looks
 * at its own line, from the front, for as long as it has room. Room only shrinks while the
 * scheduler admits, so a waiter left parked could not have gone; that keeps the old rule
 * exactly: in line order, everyone whose buckets all have room goes.
 */
export class GraphBudget {
  private readonly limits: BudgetLimits;
  private readonly backgroundShare: number;
  private readonly sharedPauseAfterKeys: number;
  private readonly countStep: () => void;
  private readonly buckets = new Map<string, Bucket>();
  private readonly events: IndexedHeap<TimedEvent>;
  /** Buckets that gained room since the last pump, and waiters not yet placed. */
  private readonly opened = new Set<Bucket>();
  private readonly arrived: Waiter[] = [];
  private readonly waiting: Record<Priority, number> = { interactive: 0, background: 0 };
  private seq = 0;
  private inFlight = 0;
  private pauses = 0;
  private reserving = 0;
  private ledgerErrors = 0;
  private readonly shared: BudgetOptions['shared'];
  private readonly setTimer: (callback: () => void, delayMs: number) => () => void;
  private cancelTimer: (() => void) | undefined;
  private timerDueAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly now: () => Date,
    options: BudgetOptions = {},
  ) {
    this.limits = { ...GRAPH_LIMITS, ...options.limits };
    this.backgroundShare = options.backgroundShare ?? 0.8;
    this.sharedPauseAfterKeys = options.sharedPauseAfterKeys ?? 3;
    this.countStep = options.countStep ?? (() => undefined);
    this.shared = options.shared;
    this.setTimer =
      options.setTimer ??
      ((callback, delayMs) => {
        const timer = setTimeout(callback, delayMs);
        return () => clearTimeout(timer);
      });
    this.events = new IndexedHeap<TimedEvent>((a, b) => a.at < b.at, this.countStep);
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
      let cancelDeadline: (() => void) | undefined;
      let settled = false;
      const leave = (reason: unknown): void => {
        if (settled) return;
        settled = true;
        waiter.gone = true;
        this.forget(waiter);
        signal?.removeEventListener('abort', onAbort);
        cancelDeadline?.();
        reject(reason);
        this.pump();
      };
      const onAbort = (): void => leave(signal?.reason);
      const waiter: Waiter = {
        keys: [...new Set(refs.map((ref) => this.bucketFor(ref)))],
        priority,
        seq: this.seq++,
        gone: false,
        parkedOn: undefined,
        admit: (lease) => {
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          cancelDeadline?.();
          resolve(lease);
        },
      };
      for (const key of waiter.keys) this.buckets.get(key)!.needed++;
      this.waiting[priority]++;
      signal?.addEventListener('abort', onAbort, { once: true });
      this.arrived.push(waiter);
      if (maxWaitMs !== undefined) {
        cancelDeadline = this.setTimer(() => {
          const waitMs = this.estimateWaitMs(waiter, this.now().getTime());
          leave(new GraphThrottledError(waitMs === undefined ? undefined : Math.max(1, Math.ceil(waitMs / 1000)), undefined));
        }, maxWaitMs);
      }
      this.pump();
    });
  }

  snapshot(): BudgetSnapshot {
    return { waiting: { ...this.waiting }, inFlight: this.inFlight, pauses: this.pauses, reserving: this.reserving, ledgerErrors: this.ledgerErrors };
  }

  private bucketFor(ref: BucketRef): string {
    const key = bucketKey(ref);
    if (!this.buckets.has(key)) {
      this.buckets.set(key, {
        key,
        limit: this.limits[ref.kind],
        shared: isSharedBucket(ref.kind),
        inFlight: 0,
        released: [],
        releasedHead: 0,
        pausedUntil: 0,
        halfOpen: false,
        probing: false,
        pauses: 0,
        throttledKeys: new Map(),
        needed: 0,
        parked: new IndexedHeap<Waiter>(inLineBefore, this.countStep),
        ledgerKey: `${this.shared?.appId ?? ''}|${isAppWideBucket(ref.kind) ? '*' : (this.shared?.tenantId ?? '')}|${key}`,
        ledgerUntil: { interactive: 0, background: 0 },
      });
    }
    return key;
  }

  private capacity(bucket: Bucket, priority: Priority): number {
    return priority === 'interactive' ? bucket.limit.limit : Math.max(1, Math.floor(bucket.limit.limit * this.backgroundShare));
  }

  private used(bucket: Bucket): number {
    return bucket.inFlight + bucket.released.length - bucket.releasedHead;
  }

  private hasRoom(bucket: Bucket, priority: Priority, now: number): boolean {
    this.countStep();
    return !(bucket.pausedUntil > now || bucket.ledgerUntil[priority] > now || (bucket.halfOpen && bucket.probing) || this.used(bucket) >= this.capacity(bucket, priority));
  }

  /** A waiter that leaves or is admitted no longer holds its place or its buckets. */
  private forget(waiter: Waiter): void {
    const index = this.arrived.indexOf(waiter);
    if (index >= 0) this.arrived.splice(index, 1);
    waiter.parkedOn?.parked.delete(waiter);
    waiter.parkedOn = undefined;
    this.waiting[waiter.priority]--;
    for (const key of waiter.keys) {
      const bucket = this.buckets.get(key)!;
      bucket.needed--;
      this.dropIfIdle(bucket, this.now().getTime());
    }
  }

  /**
   * Admits every waiter that fits, in line order, then sleeps until the next bucket may gain
   * room. Looks only at buckets that gained room and at waiters that just arrived.
   */
  private pump(): void {
    const now = this.now().getTime();
    this.expire(now);
    // The front of each line that may move now; the earliest in line goes first.
    const fronts = new IndexedHeap<Waiter>(inLineBefore, this.countStep);
    const offerFront = (bucket: Bucket): void => {
      const front = bucket.parked.peek();
      if (front !== undefined && !fronts.has(front) && this.hasRoom(bucket, front.priority, now)) fronts.push(front);
    };
    for (const bucket of this.opened) offerFront(bucket);
    this.opened.clear();
    for (const waiter of this.arrived.splice(0)) fronts.push(waiter);
    for (let waiter = fronts.pop(); waiter !== undefined; waiter = fronts.pop()) {
      const from = waiter.parkedOn;
      const short = waiter.keys.map((key) => this.buckets.get(key)!).find((bucket) => !this.hasRoom(bucket, waiter.priority, now));
      if (short === undefined) {
        from?.parked.delete(waiter);
        waiter.parkedOn = undefined;
        const admission = this.admit(waiter.keys);
        if (this.shared === undefined) this.handOver(waiter, admission.lease);
        else this.reserveShared(this.shared.ledger, waiter, admission, now);
      } else if (short !== from) {
        from?.parked.delete(waiter);
        waiter.parkedOn = short;
        short.parked.push(waiter);
      }
      // Everyone behind a waiter that could not use this bucket's room cannot either.
      if (from !== undefined && short !== from) offerFront(from);
    }
    this.schedule(now);
  }

  private handOver(waiter: Waiter, lease: BudgetLease): void {
    this.inFlight++;
    if (waiter.gone) {
      // It left while the ledger was asked: the slot was taken, so it counts as a request without an answer.
      lease.release();
      return;
    }
    this.forget(waiter);
    waiter.admit(lease);
  }

  /**
   * The waiter's local slots are held while the ledger is asked. A grant lets the request go; a
   * full bucket gives the slots back, holds that bucket (for this priority) until the ledger's
   * time and puts the waiter back in line, in its old place. A ledger that cannot be reached
   * leaves this budget's word: the request goes within this instance's limits.
   */
  private reserveShared(ledger: BudgetLedger, waiter: Waiter, admission: Admission, now: number): void {
    this.reserving++;
    const buckets = waiter.keys.map((key) => {
      const bucket = this.buckets.get(key)!;
      return { key: bucket.ledgerKey, limit: this.capacity(bucket, waiter.priority), windowMs: bucket.limit.windowMs };
    });
    const settle = (answer: LedgerAnswer | undefined): void => {
      this.reserving--;
      if (answer === undefined || answer.granted) {
        this.handOver(waiter, admission.lease);
        return;
      }
      admission.cancel();
      const until = answer.retryAt.getTime();
      for (const key of waiter.keys) {
        // A waiter that left may have been the last to need the bucket, which is then gone too.
        const bucket = this.buckets.get(key);
        if (bucket?.ledgerKey !== answer.key) continue;
        bucket.ledgerUntil.background = Math.max(bucket.ledgerUntil.background, until);
        if (waiter.priority === 'interactive') bucket.ledgerUntil.interactive = Math.max(bucket.ledgerUntil.interactive, until);
        this.events.push({ at: until, key });
      }
      if (!waiter.gone) this.arrived.push(waiter);
      this.pump();
    };
    ledger.reserve({ buckets, count: 1, at: new Date(now) }).then(settle, () => {
      this.ledgerErrors++;
      settle(undefined);
    });
  }

  private admit(keys: readonly string[]): Admission {
    const taken = keys.map((key) => {
      const bucket = this.buckets.get(key)!;
      bucket.inFlight++;
      // The first request through a half-open bucket is its probe; pump holds the rest back.
      const probeOfPause = bucket.halfOpen ? bucket.pauses : undefined;
      if (bucket.halfOpen) bucket.probing = true;
      return { key, probeOfPause };
    });
    let released = false;
    const cancel = (): void => {
      released = true;
      for (const { key, probeOfPause } of taken) {
        const bucket = this.buckets.get(key)!;
        bucket.inFlight--;
        if (probeOfPause !== undefined) bucket.probing = false;
        this.opened.add(bucket);
        this.dropIfIdle(bucket, this.now().getTime());
      }
    };
    const lease: BudgetLease = {
      release: (outcome) => {
        if (released) return;
        released = true;
        this.inFlight--;
        const now = this.now().getTime();
        for (const { key, probeOfPause } of taken) {
          const bucket = this.buckets.get(key)!;
          // Graph counts the request when it arrives, somewhere before the response: a slot
          // counted until a full window after the response is never early.
          bucket.inFlight--;
          this.addReleased(bucket, now + bucket.limit.windowMs);
          if (probeOfPause === undefined) continue;
          bucket.probing = false;
          this.opened.add(bucket);
          // Only an answer proves room; a timeout or dropped connection lets the next one probe.
          if (probeOfPause === bucket.pauses && isUnthrottledAnswer(outcome?.status)) bucket.halfOpen = false;
        }
        if (outcome?.retryAfterMs !== undefined) this.pause(keys, now, outcome.retryAfterMs, outcome.status === 429);
        this.pump();
      },
    };
    return { lease, cancel };
  }

  private addReleased(bucket: Bucket, expiresAt: number): void {
    const list = bucket.released;
    // Answers come in clock order, so this is almost always an append.
    let i = list.length;
    while (i > bucket.releasedHead && list[i - 1]! > expiresAt) i--;
    list.splice(i, 0, expiresAt);
    this.events.push({ at: expiresAt, key: bucket.key });
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
      this.forgetOldThrottles(bucket, now);
      for (const k of own) bucket.throttledKeys.set(k, now);
      if (own.length > 0) this.events.push({ at: now + bucket.limit.windowMs, key });
      if (pauseAll || bucket.throttledKeys.size >= this.sharedPauseAfterKeys) this.hold(key, until);
    }
  }

  private hold(key: string, until: number): void {
    const bucket = this.buckets.get(key)!;
    bucket.pausedUntil = Math.max(bucket.pausedUntil, until);
    bucket.halfOpen = true;
    bucket.pauses++;
    this.pauses++;
    this.events.push({ at: bucket.pausedUntil, key });
  }

  /** How long until every bucket the waiter needs has room; undefined while that depends on responses still in flight. */
  private estimateWaitMs(waiter: Waiter, now: number): number | undefined {
    let wait = 0;
    for (const key of waiter.keys) {
      const bucket = this.buckets.get(key)!;
      const excess = this.used(bucket) - this.capacity(bucket, waiter.priority);
      // Answered slots free up first, in order; one in flight only after its answer.
      const answered = bucket.released.length - bucket.releasedHead;
      const freeAt = excess < 0 ? now : excess < answered ? bucket.released[bucket.releasedHead + excess]! : Number.POSITIVE_INFINITY;
      // Behind a probe in flight, the wait depends on its answer.
      const probeAnsweredAt = bucket.halfOpen && bucket.probing ? Number.POSITIVE_INFINITY : now;
      wait = Math.max(wait, freeAt - now, bucket.pausedUntil - now, bucket.ledgerUntil[waiter.priority] - now, probeAnsweredAt - now);
    }
    return Number.isFinite(wait) ? wait : undefined;
  }

  /** Applies what time changed: only the buckets with an event due are touched. */
  private expire(now: number): void {
    for (let event = this.events.peek(); event !== undefined && event.at <= now; event = this.events.peek()) {
      this.events.pop();
      const bucket = this.buckets.get(event.key);
      if (bucket === undefined) continue;
      const before = this.used(bucket);
      while (bucket.releasedHead < bucket.released.length && bucket.released[bucket.releasedHead]! <= now) bucket.releasedHead++;
      if (bucket.releasedHead > 64 && bucket.releasedHead * 2 > bucket.released.length) {
        bucket.released.splice(0, bucket.releasedHead);
        bucket.releasedHead = 0;
      }
      if (this.used(bucket) < before || bucket.pausedUntil <= now) this.opened.add(bucket);
      this.forgetOldThrottles(bucket, now);
      this.dropIfIdle(bucket, now);
    }
  }

  private forgetOldThrottles(bucket: Bucket, now: number): void {
    for (const [k, at] of bucket.throttledKeys) if (at <= now - bucket.limit.windowMs) bucket.throttledKeys.delete(k);
  }

  /**
   * Per-record buckets come and go with the records; forget the idle ones. A half-open one with
   * no slot left has seen no answer for a whole window, so Graph's window has moved on.
   */
  private dropIfIdle(bucket: Bucket, now: number): void {
    if (this.used(bucket) === 0 && bucket.pausedUntil <= now && bucket.throttledKeys.size === 0 && bucket.needed === 0 && this.buckets.get(bucket.key) === bucket) {
      this.buckets.delete(bucket.key);
      this.opened.delete(bucket);
    }
  }

  private schedule(now: number): void {
    // With nobody waiting, or every slot in flight, nothing but a release (which pumps) can help.
    const next = this.waiting.interactive + this.waiting.background > 0 ? (this.events.peek()?.at ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    if (next === this.timerDueAt) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerDueAt = next;
    if (next === Number.POSITIVE_INFINITY) return;
    this.cancelTimer = this.setTimer(() => {
      this.cancelTimer = undefined;
      this.timerDueAt = Number.POSITIVE_INFINITY;
      this.pump();
    }, Math.max(0, next - now));
  }
}

/** Interactive requests before background ones; within a priority, first come first served. */
function inLineBefore(a: Waiter, b: Waiter): boolean {
  return rank(a) - rank(b) < 0 || (a.priority === b.priority && a.seq < b.seq);
}

/** Statuses Graph throttles or fails with for a while (the ones the SDK retries) do not reopen a bucket. */
function isUnthrottledAnswer(status: number | undefined): boolean {
  return status !== undefined && status !== 429 && status !== 503 && status !== 504;
}

function rank(waiter: Waiter): number {
  return waiter.priority === 'interactive' ? 0 : 1;
}
