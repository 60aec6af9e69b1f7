// Keeps exactly one Graph subscription on /communications/callRecords alive for this deployment,
// and fills any gap in the notifications with a backfill. Several instances may run this: the
// lease in the store lets one of them (the holder) create, renew and recreate; the others only
// keep trying for the lease, so a restart or a second instance never makes a duplicate.
import { createHash } from 'node:crypto';
import { GraphError, type CallRecordFeed, type Logger, type Subscription, type SubscriptionsService } from '../../graph/index.js';
import type { LifecycleNotification } from '../http/notificationsRoute.js';
import type { AlertQueue, AlertWork, LeaseStore, ProcessedVersionLog, SubscriptionState, SubscriptionStateStore } from './ports.js';
import { startLoop, type Loop, type Timers } from './timers.js';

export const SUBSCRIPTION_NAME = 'callRecords';
const RESOURCE = '/communications/callRecords';

export interface SubscriptionManagerTuning {
  /** How often the holder checks the subscription (and others try for the lease). */
  readonly checkIntervalMs: number;
  /** Longer than two checks, so a live holder never loses it between them. */
  readonly leaseTtlMs: number;
  /** Silence longer than this (no check, no notification) is a gap to backfill. */
  readonly gapAfterMs: number;
  /**
   * Backfill starts this long before the gap: the list API filters on a call's start, and a call
   * that started earlier may have ended, and had its record published (up to 150 min later), in it.
   */
  readonly backfillOverlapMs: number;
  /** A `missed` lifecycle event names no window: look back this far. */
  readonly missedLookbackMs: number;
  /** The webhook's "notifications are flowing" is written at most this often. */
  readonly touchEveryMs: number;
}

export const DEFAULT_SUBSCRIPTION_TUNING: SubscriptionManagerTuning = {
  checkIntervalMs: 10 * 60_000,
  leaseTtlMs: 25 * 60_000,
  gapAfterMs: 25 * 60_000,
  backfillOverlapMs: 6 * 3_600_000,
  missedLookbackMs: 8 * 3_600_000,
  touchEveryMs: 60_000,
};

export interface SubscriptionManagerDependencies {
  readonly subscriptions: SubscriptionsService;
  readonly feed: CallRecordFeed;
  readonly states: SubscriptionStateStore;
  readonly leases: LeaseStore;
  readonly queue: AlertQueue;
  readonly processed: ProcessedVersionLog;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string;
  readonly clientState: string;
  readonly tenantId: string;
  /** This instance, unique among those sharing the store. */
  readonly holder: string;
  readonly now: () => Date;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly tuning?: Partial<SubscriptionManagerTuning>;
  /** Aborts Graph calls in flight on shutdown. */
  readonly signal?: AbortSignal;
}

export interface SubscriptionManager {
  /** One turn: take or keep the lease; as holder make sure the subscription exists, renew it, backfill a gap. */
  check(): Promise<void>;
  /** From the lifecycle webhook; acted on in the background. */
  lifecycle(events: readonly LifecycleNotification[]): void;
  /** From the change webhook: notifications are flowing. */
  received(at: Date): void;
  start(): void;
  /** Stops the loop, waits for work in flight, gives up the lease. */
  stop(): Promise<void>;
}

export function hashClientState(clientState: string): string {
  return createHash('sha256').update(clientState, 'utf8').digest('hex');
}

export function createSubscriptionManager(deps: SubscriptionManagerDependencies): SubscriptionManager {
  const tuning = { ...DEFAULT_SUBSCRIPTION_TUNING, ...deps.tuning };
  const logger = deps.logger.child({ component: 'alerts-subscription' });
  const clientStateHash = hashClientState(deps.clientState);
  const bg = { priority: 'background', ...(deps.signal ? { signal: deps.signal } : {}) } as const;
  const background = new Set<Promise<void>>();
  let loop: Loop | undefined;
  let lastTouch = -Infinity;

  const track = (work: Promise<void>): void => {
    const tracked = work.catch((error: unknown) => logger.error({ err: error }, 'subscription upkeep failed; the next check retries')).finally(() => background.delete(tracked));
    background.add(tracked);
  };

  const ours = (s: Subscription): boolean =>
    s.notificationUrl === deps.notificationUrl && s.resource.replace(/^\/?/, '/').toLowerCase() === RESOURCE.toLowerCase();

  async function holdLease(): Promise<boolean> {
    return (await deps.leases.acquire(SUBSCRIPTION_NAME, deps.holder, tuning.leaseTtlMs)) !== undefined;
  }

  async function create(previous: SubscriptionState | undefined, why: string): Promise<SubscriptionState> {
    const created = await deps.subscriptions.create(
      { notificationUrl: deps.notificationUrl, lifecycleNotificationUrl: deps.lifecycleNotificationUrl, clientState: deps.clientState, changeType: 'created,updated' },
      bg,
    );
    logger.info({ subscriptionId: created.id, expires: created.expirationDateTime, why }, 'subscription created');
    // Coverage carries over: whatever happened since the last known-good moment is backfilled.
    const state = toState(created, previous?.coveredUntil ?? deps.now());
    await deps.states.put(SUBSCRIPTION_NAME, state);
    return state;
  }

  function toState(s: Subscription, coveredUntil: Date): SubscriptionState {
    return {
      subscriptionId: s.id,
      resource: s.resource || RESOURCE,
      notificationUrl: s.notificationUrl,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl,
      expiresAt: new Date(s.expirationDateTime),
      clientStateHash,
      coveredUntil,
    };
  }

  /** The live subscription we should be using, created or recreated when it is missing or stale. */
  async function ensure(state: SubscriptionState | undefined): Promise<{ state: SubscriptionState; live: Subscription | undefined }> {
    const listed = (await deps.subscriptions.list(bg)).filter(ours);
    const known = state && listed.find((s) => s.id === state.subscriptionId);
    if (known && state && state.clientStateHash === clientStateHash && state.notificationUrl === deps.notificationUrl) return { state, live: known };
    // Ours by URL but not the one recorded (lost state, changed secret): replace it, so Graph sends our clientState.
    for (const stale of listed) {
      if (stale.clientState !== null && stale.clientState === deps.clientState && !state) {
        const adopted = toState(stale, deps.now());
        await deps.states.put(SUBSCRIPTION_NAME, adopted);
        logger.info({ subscriptionId: stale.id }, 'existing subscription adopted');
        return { state: adopted, live: stale };
      }
      await deps.subscriptions.remove(stale.id, bg);
      logger.info({ subscriptionId: stale.id }, 'stale subscription removed');
    }
    const why = state === undefined ? 'none yet' : known ? 'clientState or URL changed' : 'subscription vanished';
    const created = await create(state, why);
    return { state: created, live: undefined };
  }

  /** Lists calls in the window and queues those not processed at their listed version. */
  async function backfill(from: Date, to: Date, why: string): Promise<void> {
    if (!(from < to)) return;
    // The one place the list API is called for backfill (a streamed form with a checkpoint can replace it).
    const summaries = await deps.feed.backfill({ from, to }, bg);
    const work: AlertWork[] = [];
    for (const summary of summaries) {
      const done = await deps.processed.get(deps.tenantId, summary.id);
      if (done !== undefined && summary.version !== null && done >= summary.version) continue;
      work.push({ callId: summary.id.toLowerCase(), changeType: 'backfill', tenantId: deps.tenantId, receivedAt: deps.now(), source: 'backfill' });
    }
    await deps.queue.enqueue(work);
    logger.info({ from: from.toISOString(), to: to.toISOString(), listed: summaries.length, queued: work.length, why }, 'backfilled calls');
  }

  async function check(): Promise<void> {
    if (!(await holdLease())) return;
    const now = deps.now();
    const before = await deps.states.get(SUBSCRIPTION_NAME);
    const { state, live } = await ensure(before);
    let current = state;
    if (live) {
      const renewal = await deps.subscriptions.renewIfDue(live, bg);
      if (renewal.renewed) {
        logger.info({ subscriptionId: renewal.subscription.id, expires: renewal.subscription.expirationDateTime }, 'subscription renewed');
        current = { ...current, expiresAt: new Date(renewal.subscription.expirationDateTime) };
      }
    }
    // A gap: downtime, a lapsed or recreated subscription, a holder that died.
    if (before !== undefined && now.getTime() - before.coveredUntil.getTime() > tuning.gapAfterMs) {
      await backfill(new Date(before.coveredUntil.getTime() - tuning.backfillOverlapMs), now, 'gap');
    } else if (before !== undefined && before.subscriptionId !== current.subscriptionId) {
      await backfill(new Date(before.coveredUntil.getTime() - tuning.backfillOverlapMs), now, 'recreated');
    }
    await deps.states.put(SUBSCRIPTION_NAME, { ...current, coveredUntil: now });
  }

  async function onLifecycle(event: LifecycleNotification): Promise<void> {
    logger.info({ event: event.event, subscriptionId: event.subscriptionId }, 'lifecycle event');
    if (event.event === 'missed') {
      const now = deps.now();
      return backfill(new Date(now.getTime() - tuning.missedLookbackMs), now, 'missed');
    }
    if (event.event === 'reauthorizationRequired') {
      try {
        // Reauthorize, then extend: either alone is Graph's accepted answer; both leave a fresh lifetime.
        await deps.subscriptions.reauthorize(event.subscriptionId, bg);
        const renewed = await deps.subscriptions.renew(event.subscriptionId, undefined, bg);
        const state = await deps.states.get(SUBSCRIPTION_NAME);
        if (state?.subscriptionId === renewed.id) await deps.states.put(SUBSCRIPTION_NAME, { ...state, expiresAt: new Date(renewed.expirationDateTime) });
        return;
      } catch (error) {
        if (!(error instanceof GraphError && error.status === 404)) throw error;
      }
    }
    // subscriptionRemoved, or a reauthorization of a subscription that is gone: recreate (as holder) and backfill.
    await check();
  }

  return {
    check,
    lifecycle(events) {
      for (const event of events) track(onLifecycle(event));
    },
    received(at) {
      if (at.getTime() - lastTouch < tuning.touchEveryMs) return;
      lastTouch = at.getTime();
      track(deps.states.touch(SUBSCRIPTION_NAME, at));
    },
    start() {
      loop ??= startLoop({ name: 'subscription', task: check, delayMs: () => tuning.checkIntervalMs, errorDelayMs: Math.min(60_000, tuning.checkIntervalMs), timers: deps.timers, logger });
    },
    async stop() {
      await loop?.stop();
      await Promise.all([...background]);
      await deps.leases.release(SUBSCRIPTION_NAME, deps.holder).catch(() => undefined);
    },
  };
}
