// The public surface of graph/: what the bot, the tab's API and the alerts may use.
// graph/ implements it against Microsoft Graph (or the emulator, by base URL alone);
// consumers receive an instance as a dependency and never build a Graph URL themselves.
import type { CallRecords } from '@microsoft/microsoft-graph-types';

/** A person waiting (bot, tab) goes ahead of background work (alerts, backfill). */
export type Priority = 'interactive' | 'background';

export interface RequestOptions {
  readonly priority?: Priority;
  readonly signal?: AbortSignal;
}

/** A call record with every session (and its segments) and every participant merged in from all pages. */
export type FullCallRecord = CallRecords.CallRecord & {
  readonly id: string;
  readonly sessions: CallRecords.Session[];
  readonly participants_v2: CallRecords.Participant[];
};

export interface ParticipantRef {
  /** Entra object id for users; the E.164 number for phone participants. */
  readonly id: string;
  readonly displayName: string | null;
  readonly kind: 'user' | 'phone' | 'guest' | 'application' | 'unknown';
}

/** What the per-user index knows about one call without fetching it again. */
export interface CallSummary {
  readonly id: string;
  /** null when only the list entry (which carries a version) has not been seen yet. */
  readonly version: number | null;
  readonly startDateTime: string;
  readonly endDateTime: string;
  readonly type: string;
  readonly modalities: readonly string[];
  readonly organizer: ParticipantRef | null;
  /** The other people on the call, as far as this user's index row keeps them; null while only the list entry is known. */
  readonly counterparts: Counterparts | null;
}

/**
 * A bounded sample of the other people on a call (a row must stay small in a 1,000-person
 * meeting): those who shared a session with the user first, then the organizer, then the rest.
 */
export interface Counterparts {
  readonly people: readonly ParticipantRef[];
  /** How many other people the record names in all; above people.length when the list was cut. */
  readonly total: number;
}

export interface DateRange {
  readonly from: Date;
  readonly to: Date;
}

export interface RecentCallsQuery extends RequestOptions {
  /** Defaults to 30 days ago, the retention limit. */
  readonly since?: Date;
  readonly until?: Date;
  /** Newest first; at most this many. */
  readonly limit?: number;
}

export interface ReportQuery extends RequestOptions {
  /** Keep only rows of this user (Entra object id). */
  readonly userId?: string;
}

export interface CallRecordsService {
  /** The user's calls, newest first, from the per-user index; the list API is used only when the index is cold. */
  recentCalls(userId: string, query?: RecentCallsQuery): Promise<CallSummary[]>;
  /** One record with all sessions, segments and participants. Served from cache when the version is known and unchanged. */
  getCall(callId: string, options?: RequestOptions & { readonly minVersion?: number }): Promise<FullCallRecord>;
  pstnCalls(range: DateRange, query?: ReportQuery): Promise<PstnCallLogRow[]>;
  directRoutingCalls(range: DateRange, query?: ReportQuery): Promise<DirectRoutingLogRow[]>;
  smsLog(range: DateRange, query?: ReportQuery): Promise<SmsLogRow[]>;
  blockedUsersLog(range: DateRange, query?: ReportQuery): Promise<PstnBlockedUsersLogRow[]>;
  onlineMeetingDialoutReport(range: DateRange, query?: ReportQuery): Promise<PstnOnlineMeetingDialoutReport[]>;
}

export interface SubscriptionRequest {
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl?: string;
  readonly clientState: string;
  /** Limit to calls these users took part in (participants/any filter). */
  readonly participantIds?: readonly string[];
  readonly changeType?: 'created' | 'updated' | 'created,updated';
  /** Default and cap 4,200 minutes: Graph's 4,230 less a margin for clock skew. */
  readonly expiresInMinutes?: number;
}

export interface Subscription {
  readonly id: string;
  readonly resource: string;
  readonly changeType: string;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string | null;
  readonly expirationDateTime: string;
  readonly clientState: string | null;
}

export interface SubscriptionsService {
  create(request: SubscriptionRequest, options?: RequestOptions): Promise<Subscription>;
  /** Extends the lifetime to `expiresInMinutes` from now (default and cap 4,200). */
  renew(id: string, expiresInMinutes?: number, options?: RequestOptions): Promise<Subscription>;
  /**
   * Renews when the subscription is within a day of expiring (or its expiry is unreadable) and
   * otherwise returns it untouched, with `renewAt`: when to call again. Call it at least that often.
   */
  renewIfDue(subscription: Subscription, options?: RequestOptions): Promise<{ readonly subscription: Subscription; readonly renewed: boolean; readonly renewAt: Date }>;
  reauthorize(id: string, options?: RequestOptions): Promise<void>;
  remove(id: string, options?: RequestOptions): Promise<void>;
  list(options?: RequestOptions): Promise<Subscription[]>;
}

// Report rows. The v1.0 types come from the SDK; the beta-only ones (and beta additions) are local.
export type PstnCallLogRow = CallRecords.PstnCallLogRow & {
  readonly otherPartyCountryCode?: string | null;
  readonly clientLocalIpV4Address?: string | null;
  readonly clientPublicIpV4Address?: string | null;
};
export type DirectRoutingLogRow = CallRecords.DirectRoutingLogRow & {
  readonly transferorCorrelationId?: string | null;
  readonly userCountryCode?: string | null;
  readonly otherPartyCountryCode?: string | null;
};

export interface SmsLogRow {
  readonly id?: string | null;
  readonly userId?: string | null;
  readonly userDisplayName?: string | null;
  readonly userPrincipalName?: string | null;
  readonly sentDateTime?: string | null;
  readonly smsId?: string | null;
  readonly smsType?: string | null;
  readonly smsUnits?: number | null;
  readonly sourceNumber?: string | null;
  readonly destinationNumber?: string | null;
  readonly destinationName?: string | null;
  readonly destinationContext?: string | null;
  readonly licenseCapability?: string | null;
  readonly callCharge?: number | null;
  readonly currency?: string | null;
  readonly tenantCountryCode?: string | null;
  readonly userCountryCode?: string | null;
  readonly otherPartyCountryCode?: string | null;
}

export interface PstnBlockedUsersLogRow {
  readonly userId?: string | null;
  readonly userDisplayName?: string | null;
  readonly userPrincipalName?: string | null;
  readonly userTelephoneNumber?: string | null;
  readonly blockDateTime?: string | null;
  /** Enum member "blocked"/"unblocked"; the documentation example capitalises it, so compare case-insensitively. */
  readonly userBlockMode?: string | null;
  readonly blockReason?: string | null;
  readonly remediationId?: string | null;
}

export interface PstnOnlineMeetingDialoutReport {
  readonly userId?: string | null;
  readonly userDisplayName?: string | null;
  readonly userPrincipalName?: string | null;
  readonly usageLocation?: string | null;
  readonly destinationContext?: string | null;
  readonly currency?: string | null;
  readonly totalCalls?: number | null;
  readonly totalCallSeconds?: number | null;
  readonly totalCallCharge?: number | null;
}

/** A record fetched because of a change notification. */
export interface NotifiedRecord {
  readonly record: FullCallRecord;
  /** False when this version was already known (Graph sends `created` and `updated` for one version). */
  readonly isNewVersion: boolean;
}

/** What the alert pipeline uses. Background priority unless told otherwise; every record feeds the per-user index. */
export interface CallRecordFeed {
  /** A notification named this record (notifications carry no version): fetch it unless the cached version is current. */
  recordNotified(callId: string, options?: RequestOptions): Promise<NotifiedRecord>;
  /**
   * Lists calls that started in the range, e.g. to catch up after a subscription lapsed, one page
   * at a time: each page feeds the index and goes to `onPage` before the next is asked for, so
   * memory holds one page however long the window. Resolves with how far it got (also given with
   * every page); pass that as `resumeFrom` to carry on after a restart.
   */
  backfill(range: DateRange, options?: BackfillOptions): Promise<BackfillProgress>;
  /** Forgets cached records and index entries older than Graph's 30-day retention. */
  prune(): Promise<void>;
  /**
   * The index now holds every call of every user that started from `since` up to `listedAt`: say so
   * after a backfill completes while the subscription is live (notifications add what follows), so
   * a person's question is answered from the index instead of a list request per person.
   */
  indexComplete(coverage: { readonly since: Date; readonly listedAt: Date }): Promise<void>;
}

/** How far a backfill got: plain JSON, to be stored and handed back as `resumeFrom`. */
export interface BackfillProgress {
  /** The range, as ISO instants (a progress only resumes the range it was made for). */
  readonly from: string;
  readonly to: string;
  /** Graph's link to the next page; null once the last page was handled (or before the first). */
  readonly nextLink: string | null;
  readonly done: boolean;
  /** Pages and calls handled so far, resumed runs included. */
  readonly pages: number;
  readonly calls: number;
}

/**
 * A call a backfill listed: what the list API tells (the index's summary without a user's own
 * counterparts; compare its version with what was handled before), plus the participants when known.
 */
export interface BackfilledCall extends Omit<CallSummary, 'counterparts'> {
  /**
   * Everyone the record names, when the cache holds this version of it; null otherwise: the list
   * API does not carry participants, so fetch the record (recordNotified) to learn them.
   */
  readonly participants: readonly ParticipantRef[] | null;
}

export interface BackfillPage {
  /** The page's calls, already filed in the index (under the organizer; everyone else once the record is fetched). */
  readonly calls: readonly BackfilledCall[];
  /** Progress once this page is handled: store it after handling the page, and a restart resumes after it. */
  readonly progress: BackfillProgress;
}

export interface BackfillOptions extends RequestOptions {
  /** Gets each page in turn; the next page is requested only once it resolves. A rejection stops the backfill with that error. */
  readonly onPage?: (page: BackfillPage) => Promise<void> | void;
  /** Carry on from a progress an earlier run reported (for the same range). A finished one lists nothing. */
  readonly resumeFrom?: BackfillProgress;
  /** Records per page (Prefer: odata.maxpagesize); the client's tuning (else Graph's 60) when absent. */
  readonly pageSize?: number;
}
