// The storage ports of the proactive alert pipeline (issue #12). server/store implements them twice
// (SQLite for one instance, Azure Storage Queue + Tables for several); server/alerts/testing has
// the in-memory reference; server/store/contract/alerts.contract.ts holds every one to the same
// behaviour. Implementations take the clock at construction, so tests move time without waiting.
import type { AlertMode, UserKey } from '../../bot/index.js';

// ---------------------------------------------------------------------------------------------
// Work queue

/** Why a call id was queued: Graph's webhook, a backfill after a gap, or a bot "tell me when it's ready". */
export type AlertSource = 'notification' | 'backfill' | 'pending';

/** One unit of work: a call record to look at. Only the id is taken from a notification. */
export interface AlertWork {
  readonly callId: string;
  /** 'created' or 'updated' from Graph; 'backfill' when the list API found it. */
  readonly changeType: 'created' | 'updated' | 'backfill';
  readonly tenantId: string;
  readonly receivedAt: Date;
  readonly source: AlertSource;
}

/** A message leased by receive(): invisible to other receivers until its visibility timeout ends. */
export interface LeasedWork {
  readonly work: AlertWork;
  /** How many times it has been handed out, this time included (1 on the first delivery). */
  readonly attempt: number;
  /** Opaque proof of the lease (SQLite: row id + lease token; Azure: message id + pop receipt). */
  readonly receipt: string;
}

export interface PoisonEntry {
  readonly work: AlertWork;
  /** The last failure, without secrets (error class and message). */
  readonly reason: string;
  readonly attempts: number;
  readonly poisonedAt: Date;
}

/** Durable at-least-once queue: a message is delivered again until completed or poisoned. */
export interface AlertQueue {
  /** Resolves only once every message is durable, so the webhook may then answer 202. */
  enqueue(messages: readonly AlertWork[]): Promise<void>;
  /** Leases up to `max` visible messages for `visibilityTimeoutMs`; an unfinished lease reappears after it. */
  receive(max: number, visibilityTimeoutMs: number): Promise<LeasedWork[]>;
  /** Deletes the message. False when the lease was lost (expired and taken by another receiver). */
  complete(leased: LeasedWork): Promise<boolean>;
  /** Hands the message back, visible again after `delayMs` (the caller's backoff). False when the lease was lost. */
  retryLater(leased: LeasedWork, delayMs: number): Promise<boolean>;
  /** Moves the message to the poison store with its reason; it is never delivered again. */
  poison(leased: LeasedWork, reason: string): Promise<void>;
  /** Poison entries, newest first (GET /api/admin/alerts/poison). */
  listPoison(limit: number): Promise<PoisonEntry[]>;
}

// ---------------------------------------------------------------------------------------------
// Dedupe: which version of each record the worker has fully processed

/** callId → highest record version whose decisions are done. A lower or equal version is skipped. */
export interface ProcessedVersionLog {
  get(tenantId: string, callId: string): Promise<number | undefined>;
  /** Raises the stored version (never lowers it). */
  record(tenantId: string, callId: string, version: number): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Alert log: once per call per person
//
// Crash semantics (see server/alerts/README.md): the worker claims (tenant, user, call) as
// 'sending' atomically BEFORE the proactive send and marks it 'sent' after. A send that fails
// with an error releases the claim, so a retry sends again. A process that dies between the claim
// and markSent leaves a 'sending' claim; once it is older than `staleAfterMs` (longer than any send
// can take) the next attempt takes it over and sends again. So in that one narrow window the
// pipeline is AT-LEAST-ONCE: the person may get the same card twice, never none. Chosen because a
// duplicate card is visible and harmless, while a lost alert is silent and cannot be noticed or
// recovered by anyone; the poison limit bounds repeats if sends keep crashing the process.

export interface AlertKey extends UserKey {
  readonly callId: string;
}

export type AlertClaimState = 'sending' | 'sent';

/**
 * claimed: the caller now holds the claim and must send, then markSent (or release on failure).
 * sent: this person already got this call's alert. busy: another worker's fresh claim is in flight.
 */
export type ClaimOutcome = 'claimed' | 'sent' | 'busy';

export interface AlertLogEntry extends AlertKey {
  readonly state: AlertClaimState;
  readonly claimedAt: Date;
  readonly sentAt: Date | null;
  /** Why it was sent: the user's preference matched, or they had asked ("tell me when it's ready"). */
  readonly reason: 'alert' | 'pending';
}

export interface AlertLog {
  /** Atomic: exactly one concurrent caller gets 'claimed'; a 'sending' claim older than staleAfterMs is taken over. */
  claim(key: AlertKey, reason: AlertLogEntry['reason'], staleAfterMs: number): Promise<ClaimOutcome>;
  markSent(key: AlertKey): Promise<void>;
  /** Drops a 'sending' claim after a failed send so a retry may claim again; a 'sent' entry stays. */
  release(key: AlertKey): Promise<void>;
  /** Alerts claimed or sent for the user at or after `since`, for the daily cap. */
  countSince(user: UserKey, since: Date): Promise<number>;
  /** The user's entries, newest first ("forget my data" lists and deletes them). */
  listForUser(user: UserKey): Promise<AlertLogEntry[]>;
  /** Deletes everything logged for the user; returns how many entries went. */
  removeUser(user: UserKey): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Subscription state and the manager's lease

/** What this deployment knows about its Graph subscription (one per name, e.g. 'callRecords'). */
export interface SubscriptionState {
  readonly subscriptionId: string;
  readonly resource: string;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string | null;
  readonly expiresAt: Date;
  /** SHA-256 hex of the clientState, never the value: tells a changed secret without storing it. */
  readonly clientStateHash: string;
  /** Latest moment notifications were known to flow (a notification arrived or the manager checked a live subscription). */
  readonly coveredUntil: Date;
}

export interface SubscriptionStateStore {
  get(name: string): Promise<SubscriptionState | undefined>;
  put(name: string, state: SubscriptionState): Promise<void>;
  /** Moves coveredUntil forward to `at` (never back); no-op when there is no state. Called by the webhook. */
  touch(name: string, at: Date): Promise<void>;
  remove(name: string): Promise<void>;
}

export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly expiresAt: Date;
}

/** A named mutual-exclusion lease with expiry, so exactly one instance manages the subscription. */
export interface LeaseStore {
  /** Takes the lease when free, expired, or already ours (then extends it); undefined when another holder has it. */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  /** Extends our lease; undefined when it is no longer ours (expired and taken). */
  renew(name: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  /** Gives it up if ours; harmless otherwise. */
  release(name: string, holder: string): Promise<void>;
}

/** Every alert store the server's Store hands out. */
export interface AlertStores {
  readonly queue: AlertQueue;
  readonly processed: ProcessedVersionLog;
  readonly log: AlertLog;
  readonly subscriptions: SubscriptionStateStore;
  readonly leases: LeaseStore;
}

// ---------------------------------------------------------------------------------------------
// Alert policy inputs (read per user by the worker; the bot's commands write them)

/** Local wall-clock times 'HH:MM' (24 h). start > end wraps midnight: 18:00 to 08:00. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

export interface UserAlertRules {
  /** The bot's AlertPreferenceStore: all (poor or dropped), drops (dropped or failed only), off. */
  readonly mode: AlertMode;
  /** null: none (the default). */
  readonly quietHours: QuietHours | null;
  /** IANA time zone the quiet hours and the daily cap's day are read in; 'UTC' when unknown. */
  readonly timeZone: string;
  /** Most proactive alerts per local day (default 3). Requested ("tell me when it's ready") cards count but are never held back. */
  readonly dailyCap: number;
}

export const DEFAULT_DAILY_CAP = 3;

/** Read side of the per-user alert rules. */
export interface AlertRules {
  get(user: UserKey): Promise<UserAlertRules>;
}
