// The alert worker: leases queued call ids, fetches each record through graph/ at background
// priority, diagnoses it for every internal participant, decides per person and sends. Every
// step is safe to repeat: a message is completed only after all its decisions are done, the alert
// log makes a repeat a no-op for whoever already got the card, and the processed-version log
// makes a repeated notification of a done version cost one version probe and nothing else.
import type { ConversationReference } from 'botbuilder';
import type { PendingDiagnosis, PendingDiagnosisStore, ConversationReferenceStore, UserKey } from '../../bot/index.js';
import type { Diagnosis } from '../../diagnosis/index.js';
import type { CallRecordFeed, FullCallRecord, Logger } from '../../graph/index.js';
import { inQuietHours, startOfUserDay, verdictMatches } from './policy.js';
import type { AlertLog, AlertLogEntry, AlertQueue, AlertRules, LeasedWork, ProcessedVersionLog } from './ports.js';

/** What the bot needs to build and send one card. */
export interface AlertDelivery {
  readonly reference: Partial<ConversationReference>;
  readonly record: FullCallRecord;
  readonly userId: string;
  readonly diagnosis: Diagnosis;
  readonly timeZone: string;
  readonly reason: AlertLogEntry['reason'];
}

export interface AlertWorkerTuning {
  /** Messages leased per receive. */
  readonly batchSize: number;
  /** How long a lease hides a message; longer than a message can take to process. */
  readonly visibilityTimeoutMs: number;
  /** After this many attempts a failing message goes to the poison store. */
  readonly maxAttempts: number;
  /** First retry delay; doubled per attempt up to maxBackoffMs. */
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** A 'sending' claim older than this was left by a dead process and is taken over (resent). */
  readonly claimStaleMs: number;
  /** A record fulfils "tell me when it's ready" when the call ended at most this long after the request... */
  readonly pendingAfterMs: number;
  /** ...and at most this long before it (Graph's maximum record delay). */
  readonly pendingBeforeMs: number;
}

export const DEFAULT_WORKER_TUNING: AlertWorkerTuning = {
  batchSize: 16,
  visibilityTimeoutMs: 120_000,
  maxAttempts: 8,
  baseBackoffMs: 5_000,
  maxBackoffMs: 600_000,
  claimStaleMs: 120_000,
  pendingAfterMs: 10 * 60_000,
  pendingBeforeMs: 150 * 60_000,
};

export interface AlertWorkerDependencies {
  readonly queue: AlertQueue;
  readonly processed: ProcessedVersionLog;
  readonly log: AlertLog;
  readonly feed: CallRecordFeed;
  readonly diagnose: (record: FullCallRecord, userId: string) => Diagnosis;
  /** The tenant's users on the call (bot/alerts/recipients.ts). */
  readonly recipients: (record: FullCallRecord, tenantId: string) => string[];
  readonly conversations: ConversationReferenceStore;
  readonly pending: PendingDiagnosisStore;
  readonly rules: AlertRules;
  readonly deliver: (delivery: AlertDelivery) => Promise<void>;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly tuning?: Partial<AlertWorkerTuning>;
  /** Aborts Graph calls in flight on shutdown (the lease brings the message back). */
  readonly signal?: AbortSignal;
}

/** Another worker holds a fresh claim on one of this call's alerts: look again once it is settled. */
class ClaimBusyError extends Error {
  override readonly name = 'ClaimBusyError';
}

export interface AlertWorker {
  /** Leases one batch and processes it; resolves to how many messages were leased (0: the queue was idle). */
  runOnce(): Promise<number>;
}

export function createAlertWorker(deps: AlertWorkerDependencies): AlertWorker {
  const tuning = { ...DEFAULT_WORKER_TUNING, ...deps.tuning };
  const logger = deps.logger.child({ component: 'alerts-worker' });

  async function processCall(tenantId: string, callId: string): Promise<void> {
    const { record } = await deps.feed.recordNotified(callId, { priority: 'background', ...(deps.signal ? { signal: deps.signal } : {}) });
    const version = record.version ?? 0;
    const done = await deps.processed.get(tenantId, callId);
    // A crash after the fetch leaves the cache current but this log behind: decide again.
    if (done !== undefined && done >= version) return;
    for (const userId of deps.recipients(record, tenantId)) await decide({ tenantId, userId }, record);
    await deps.processed.record(tenantId, callId, version);
  }

  async function decide(user: UserKey, record: FullCallRecord): Promise<void> {
    const reference = await deps.conversations.get(user);
    if (reference === undefined) return; // never installed the bot: nowhere to say it
    const now = deps.now();
    const rules = await deps.rules.get(user);
    const diagnosis = deps.diagnose(record, user.userId);
    const fulfilled = await takeFulfilledRequests(user, record, now);
    const reason: AlertLogEntry['reason'] | undefined = fulfilled.length > 0 ? 'pending' : verdictMatches(rules.mode, diagnosis.verdict) ? 'alert' : undefined;
    if (reason === undefined) return;
    // A requested card is sent whatever the verdict, the hour or the count: the user asked.
    if (reason === 'alert') {
      if (inQuietHours(rules.quietHours, rules.timeZone, now)) return void logger.info({ callId: record.id }, 'alert held back: quiet hours');
      if (await capReached(user, record.id, rules.dailyCap, startOfUserDay(rules.timeZone, now))) return void logger.info({ callId: record.id, cap: rules.dailyCap }, 'alert held back: daily cap reached');
    }
    const key = { ...user, callId: record.id };
    const claim = await deps.log.claim(key, reason, tuning.claimStaleMs);
    if (claim === 'sent') return; // once per call per person, whatever versions follow
    if (claim === 'busy') {
      await restore(fulfilled);
      throw new ClaimBusyError(`another worker is sending the alert for call ${record.id}`);
    }
    try {
      await deps.deliver({ reference, record, userId: user.userId, diagnosis, timeZone: rules.timeZone, reason });
    } catch (error) {
      await deps.log.release(key);
      await restore(fulfilled);
      throw error;
    }
    await deps.log.markSent(key);
    logger.info({ callId: record.id, reason, verdict: diagnosis.verdict }, 'alert sent');
  }

  /** The cap counts today's alerts other than this call's own (a claim left by a crash mid-send is this call, not another alert). */
  async function capReached(user: UserKey, callId: string, cap: number, since: Date): Promise<boolean> {
    const today = await deps.log.countSince(user, since);
    if (today < cap) return false;
    const own = (await deps.log.listForUser(user)).some((e) => e.callId === callId && e.claimedAt.getTime() >= since.getTime());
    return today - (own ? 1 : 0) >= cap;
  }

  /** The user's open "tell me when it's ready" requests this call answers; the others go back. */
  async function takeFulfilledRequests(user: UserKey, record: FullCallRecord, now: Date): Promise<PendingDiagnosis[]> {
    const open = await deps.pending.take(user, now);
    if (open.length === 0) return [];
    const ended = Date.parse(record.endDateTime ?? record.startDateTime ?? '');
    const answers = (r: PendingDiagnosis): boolean =>
      Number.isFinite(ended) && ended <= r.requestedAt.getTime() + tuning.pendingAfterMs && ended >= r.requestedAt.getTime() - tuning.pendingBeforeMs;
    await restore(open.filter((r) => !answers(r)));
    return open.filter(answers);
  }

  async function restore(requests: readonly PendingDiagnosis[]): Promise<void> {
    for (const request of requests) await deps.pending.add(request);
  }

  function backoff(attempt: number): number {
    return Math.min(tuning.maxBackoffMs, tuning.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  }

  async function settle(messages: readonly LeasedWork[], error: unknown): Promise<void> {
    for (const message of messages) {
      if (error === undefined) {
        if (!(await deps.queue.complete(message))) logger.warn({ callId: message.work.callId }, 'lease lost before completion; another worker will finish it');
        continue;
      }
      const reason = describe(error);
      if (message.attempt >= tuning.maxAttempts) {
        await deps.queue.poison(message, reason);
        logger.error({ callId: message.work.callId, attempts: message.attempt, reason }, 'alert work poisoned after repeated failures');
      } else {
        const delayMs = error instanceof ClaimBusyError ? tuning.claimStaleMs : backoff(message.attempt);
        await deps.queue.retryLater(message, delayMs);
        logger.warn({ callId: message.work.callId, attempt: message.attempt, delayMs, reason }, 'alert work failed; retrying later');
      }
    }
  }

  return {
    async runOnce() {
      const leased = await deps.queue.receive(tuning.batchSize, tuning.visibilityTimeoutMs);
      // created + updated for one record arrive together: one look at the record answers both.
      const byCall = new Map<string, LeasedWork[]>();
      for (const message of leased) {
        const key = `${message.work.tenantId}|${message.work.callId}`;
        byCall.set(key, [...(byCall.get(key) ?? []), message]);
      }
      await Promise.all(
        [...byCall.values()].map(async (messages) => {
          const { tenantId, callId } = messages[0]!.work;
          let failure: unknown;
          try {
            await processCall(tenantId, callId);
          } catch (error) {
            failure = error ?? new Error('unknown failure');
          }
          await settle(messages, failure).catch((error: unknown) => logger.error({ err: error, callId }, 'could not settle alert work; its lease will expire and it comes back'));
        }),
      );
      return leased.length;
    },
  };
}

/** The error's class and message, never its stack or request details. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return `${error.name}${typeof status === 'number' ? ` ${status}` : ''}: ${error.message}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}
