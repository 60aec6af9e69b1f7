// The proactive alert pipeline assembled: webhook routes, worker loop, subscription manager and
// the daily prune, from the stores and services the composition root hands in.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { ConversationReferenceStore, PendingDiagnosisStore } from '../../bot/index.js';
import type { Diagnosis } from '../../diagnosis/index.js';
import type { CallRecordFeed, FullCallRecord, Logger, SubscriptionsService } from '../../graph/index.js';
import { notificationsRoute } from '../http/notificationsRoute.js';
import { createAlertWorker, type AlertDelivery, type AlertWorkerTuning } from './alertWorker.js';
import type { AlertRules, AlertStores, PoisonEntry } from './ports.js';
import { createSubscriptionManager, type SubscriptionManagerTuning } from './subscriptionManager.js';
import { realTimers, startLoop, type Loop, type Timers } from './timers.js';

export interface AlertPipelineDependencies {
  readonly stores: AlertStores;
  readonly feed: CallRecordFeed;
  readonly subscriptions: SubscriptionsService;
  readonly diagnose: (record: FullCallRecord, userId: string) => Diagnosis;
  readonly recipients: (record: FullCallRecord, tenantId: string) => string[];
  readonly conversations: ConversationReferenceStore;
  readonly pending: PendingDiagnosisStore;
  readonly rules: AlertRules;
  readonly deliver: (delivery: AlertDelivery) => Promise<void>;
  readonly tenantId: string;
  /** PUBLIC_URL: Graph posts to {publicUrl}/api/notifications and /api/notifications/lifecycle. */
  readonly publicUrl: string;
  readonly clientState: string;
  readonly leaseSeconds: number;
  /**
   * Who this instance is for the subscription lease. Instances sharing a store need distinct names;
   * a restart of the one SQLite instance may reuse its name, so it need not wait out its old lease.
   */
  readonly instanceName?: string;
  readonly now: () => Date;
  readonly timers?: Timers;
  readonly logger: Logger;
  readonly workerTuning?: Partial<AlertWorkerTuning>;
  readonly subscriptionTuning?: Partial<SubscriptionManagerTuning>;
  /** How often raw records past Graph's 30 days are pruned (default daily). */
  readonly pruneEveryMs?: number;
}

export interface AlertPipeline {
  /** The webhook routes; mount them whether or not the loops run. */
  readonly router: Router;
  /** Starts the worker, the subscription manager and the prune schedule. */
  start(): void;
  stop(): Promise<void>;
  listPoison(limit: number): Promise<PoisonEntry[]>;
}

const IDLE_POLL_MS = 1_000;
const DAY_MS = 24 * 3_600_000;
const STOP_UPKEEP_WAIT_MS = 1_000;

export function createAlertPipeline(deps: AlertPipelineDependencies): AlertPipeline {
  const timers = deps.timers ?? realTimers;
  const logger = deps.logger.child({ component: 'alerts' });
  const leaseMs = deps.leaseSeconds * 1000;
  const shutdown = new AbortController();
  const worker = createAlertWorker({
    ...deps.stores,
    feed: deps.feed,
    diagnose: deps.diagnose,
    recipients: deps.recipients,
    conversations: deps.conversations,
    pending: deps.pending,
    rules: deps.rules,
    deliver: deps.deliver,
    now: deps.now,
    logger,
    tuning: { visibilityTimeoutMs: leaseMs, claimStaleMs: leaseMs, ...deps.workerTuning },
    signal: shutdown.signal,
  });
  const manager = createSubscriptionManager({
    subscriptions: deps.subscriptions,
    feed: deps.feed,
    states: deps.stores.subscriptions,
    leases: deps.stores.leases,
    queue: deps.stores.queue,
    processed: deps.stores.processed,
    notificationUrl: `${deps.publicUrl}/api/notifications`,
    lifecycleNotificationUrl: `${deps.publicUrl}/api/notifications/lifecycle`,
    clientState: deps.clientState,
    tenantId: deps.tenantId,
    holder: deps.instanceName ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    now: deps.now,
    timers,
    logger,
    ...(deps.subscriptionTuning ? { tuning: deps.subscriptionTuning } : {}),
    signal: shutdown.signal,
  });
  let loops: Loop[] = [];
  const router = notificationsRoute({
    clientState: deps.clientState,
    tenantId: deps.tenantId,
    enqueue: async (work) => {
      await deps.stores.queue.enqueue(work);
      for (const loop of loops.slice(0, 1)) loop.poke();
    },
    received: (at) => manager.received(at),
    lifecycle: (events) => manager.lifecycle(events),
    now: deps.now,
    logger,
  });
  return {
    router,
    start() {
      if (loops.length > 0) return;
      loops = [
        startLoop({ name: 'worker', task: () => worker.runOnce(), delayMs: () => IDLE_POLL_MS, errorDelayMs: 5_000, timers, logger }),
        startLoop({ name: 'prune', task: () => deps.feed.prune(), delayMs: () => deps.pruneEveryMs ?? DAY_MS, errorDelayMs: 3_600_000, timers, logger, startDelayMs: 60_000 }),
      ];
      manager.start();
    },
    async stop() {
      const running = loops;
      loops = [];
      shutdown.abort();
      // Subscription upkeep is safe to cut short (the next start checks again), and a token request
      // in flight may not heed the abort: wait for it only briefly. The worker is waited for, so a
      // send in progress gets recorded.
      let timer: unknown;
      const bound = new Promise<void>((resolve) => (timer = timers.setTimeout(resolve, STOP_UPKEEP_WAIT_MS)));
      await Promise.all([...running.map((l) => l.stop()), Promise.race([manager.stop(), bound])]);
      timers.clearTimeout(timer);
    },
    listPoison: (limit) => deps.stores.queue.listPoison(limit),
  };
}
