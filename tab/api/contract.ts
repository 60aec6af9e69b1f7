// The tab API's wire contract: every request parameter and response body of the routes under
// /api. Browser-safe (types and constants only, no Node import): the tab UI imports it, the API
// implements it. Changes are additive so both sides keep compiling.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import type { Cause, Note, StreamClass, Verdict } from '../../diagnosis/types.js';
import type { MyQuality, TeamQuality } from '../../diagnosis/patterns/types.js';
import type { BlockedUser, DialoutByDestination, SmsFailure, TrunkHealth } from '../../diagnosis/phone/trunkHealth.js';

export type * from '../../diagnosis/patterns/types.js';
export type { Cause, Note, Side, StreamClass, Verdict } from '../../diagnosis/types.js';

/** Delegated scope every token must carry (Entra: "Expose an API" → access_as_user). */
export const API_SCOPE = 'access_as_user';
/** App role that lets the helpdesk read anyone's calls (every such read is audited). */
export const HELPDESK_ROLE = 'CallDoctor.Helpdesk';
/** App role that may read the helpdesk audit log without reading calls (tenant admins). */
export const ADMIN_ROLE = 'CallDoctor.Admin';
/** Aggregates over fewer people than this are withheld. */
export const MINIMUM_TEAM_PEOPLE = 5;

// ---- Errors: every 4xx/5xx answers with this body. ----------------------------------------

export type ApiErrorCode =
  /** 401: no bearer token, or it failed validation (the message says which check). */
  | 'unauthorized'
  /** 403: valid token, but the route needs the helpdesk role. */
  | 'forbidden'
  /** 404: unknown id, a call the user did not take part in (same answer: no oracle), or demo route in production. */
  | 'not_found'
  /** 400: a query parameter or body field is wrong; the message names it. */
  | 'bad_request'
  /** 503: Graph is throttling or unavailable; retry after the Retry-After header. */
  | 'unavailable'
  | 'internal';

export interface ApiError {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

// ---- GET /api/me ----------------------------------------------------------------------------

export interface MeResponse {
  /** Entra object id (token oid). */
  readonly id: string;
  readonly displayName: string | null;
  readonly userPrincipalName: string | null;
  readonly tenantId: string;
  /** App roles from the token, e.g. ["CallDoctor.Helpdesk"]. */
  readonly roles: readonly string[];
  readonly helpdesk: boolean;
  /** True when the server runs in demo mode (emulator-issued tokens). */
  readonly demo: boolean;
}

// ---- GET /api/calls --------------------------------------------------------------------------

/**
 * verdict=poor: every call that went wrong (verdicts poor, dropped and setup-failed);
 * verdict=dropped: dropped calls only.
 */
export type VerdictFilter = 'poor' | 'dropped';
export type MediaFilter = 'audio' | 'video' | 'screenSharing';
/** oneOnOne: peerToPeer call between people; meeting: groupCall; phone: any PSTN participant. */
export type KindFilter = 'oneOnOne' | 'meeting' | 'phone';

/** Query parameters of GET /api/calls; all optional. `next` already carries them. */
export interface CallsQuery {
  readonly verdict?: VerdictFilter;
  readonly media?: MediaFilter;
  readonly kind?: KindFilter;
  /** Person search: matches another participant's first, last or full name (any case). */
  readonly q?: string;
  /** Opaque; from a previous response's `next`. */
  readonly cursor?: string;
  /** Page size, 1..50 (default 20). */
  readonly limit?: number;
  /** Helpdesk only: list this user's calls (object id) instead of one's own. Audited. */
  readonly user?: string;
}

export interface CallListItem {
  readonly id: string;
  readonly startDateTime: string;
  readonly endDateTime: string;
  /** Graph callType: peerToPeer, groupCall, unknown. */
  readonly type: string;
  /** Graph modalities: audio, video, screenSharing, videoBasedScreenSharing, data. */
  readonly modalities: readonly string[];
  readonly verdict: Verdict;
  /** The other participants' names (phone numbers masked, unnamed ones as "someone"). */
  readonly with: readonly string[];
  readonly kind: KindFilter;
  /** Most likely cause code, when the call was not good. */
  readonly topCause: Cause['code'] | null;
}

export interface CallListResponse {
  readonly calls: readonly CallListItem[];
  /** Relative URL of the next page (same filters), or null at the end. */
  readonly next: string | null;
  /** True when this list is a helpdesk view of someone else's calls. */
  readonly helpdesk: boolean;
}

// ---- GET /api/calls/{id} ---------------------------------------------------------------------

/** One metric of one stream with its CQD class and the threshold it was compared with. */
export interface MetricClass {
  /** Graph mediaStream field name, e.g. "averageJitter". */
  readonly name: string;
  /** In `unit` (durations converted to ms). */
  readonly value: number | null;
  readonly unit: string;
  readonly classification: StreamClass;
  /** The threshold in force (CQD_THRESHOLDS applied), or null when the metric has none. */
  readonly threshold: number | null;
  /** diagnosis/thresholds.ts key, e.g. "audio.jitterMs". */
  readonly thresholdKey: string | null;
  /** above | below | atLeast | atMost: on which side of the threshold a value is poor. */
  readonly comparison: 'above' | 'below' | 'atLeast' | 'atMost' | null;
  /** Where the threshold comes from (CQD page or Call Doctor heuristic), for the tooltip. */
  readonly source: string | null;
}

export interface StreamClasses {
  readonly kind: 'audio' | 'video' | 'screenSharing' | 'unknown';
  /** Which way the stream ran for the signed-in user (or the user viewed, for the helpdesk). */
  readonly relative: 'sent' | 'received' | 'other';
  readonly classification: StreamClass;
  readonly metrics: readonly MetricClass[];
}

/** A Graph mediaStream with its CQD classes; `cqd` is null when diagnosis could not place it. */
export type ApiStream = CallRecords.MediaStream & { readonly cqd: StreamClasses | null };
export type ApiMedia = Omit<CallRecords.Media, 'streams'> & { readonly streams: readonly ApiStream[] };
export type ApiSegment = Omit<CallRecords.Segment, 'media'> & {
  readonly id: string;
  readonly media: readonly ApiMedia[];
  /** The viewed user's endpoint is on this segment. */
  readonly involvesUser: boolean;
};
export type ApiSession = Omit<CallRecords.Session, 'segments'> & {
  readonly id: string;
  readonly segments: readonly ApiSegment[];
  /** The viewed user's endpoint is on this session (own legs come first in `sessions`). */
  readonly involvesUser: boolean;
};

export interface CallDiagnosisView {
  readonly verdict: Verdict;
  readonly summary: string;
  /** Most likely first; each has code, side, evidence, advice, confidence and facts (diagnosis/types Cause). */
  readonly causes: readonly Cause[];
  /** What sits beside the verdict without changing it: brief spikes, the other side's experience, what was measured. */
  readonly notes: readonly Note[];
  readonly rejoined: boolean;
}

export interface CallDetailResponse {
  readonly id: string;
  readonly version: number | null;
  readonly startDateTime: string | null;
  readonly endDateTime: string | null;
  readonly type: string | null;
  readonly modalities: readonly string[];
  readonly with: readonly string[];
  readonly diagnosis: CallDiagnosisView;
  /** Graph's sessions (own legs first), other people's IP and MAC addresses removed, phone numbers masked. */
  readonly sessions: readonly ApiSession[];
  /** Graph's participants_v2 (phone numbers masked). */
  readonly participants: readonly CallRecords.Participant[];
  /** Object id of the user whose view this is (the signed-in user, or the user a helpdesk reads). */
  readonly viewedUserId: string;
  /** True when a helpdesk user reads a call they did not take part in; the read is audited. */
  readonly helpdesk: boolean;
}

// ---- GET /api/me/quality, GET /api/teams/{groupId}/quality ------------------------------------

export interface MyQualityResponse {
  /** Days covered, ending now (30: Graph's retention). */
  readonly days: number;
  /** Calls looked at; when more existed than could be fetched, `truncated` is true. */
  readonly truncated: boolean;
  readonly quality: MyQuality;
}

/** Query: ?days=7|14|30 (default 30): the period chosen on the channel tab's configuration page. */
export interface TeamQualityResponse {
  readonly groupId: string;
  readonly days: number;
  /** True when the team had more calls than one answer examines (the newest are used). */
  readonly truncated: boolean;
  readonly quality: TeamQuality;
}

// ---- Phone (PSTN, Direct Routing, SMS) ---------------------------------------------------------

/** A labelled fact of a phone call's explanation (who ended it, duration, charge, trunk...). */
export interface PhoneDetailItem {
  readonly label: string;
  readonly value: string;
}

export interface PhoneCallItem {
  readonly id: string | null;
  readonly route: 'pstn' | 'directRouting';
  /** ISO start time. */
  readonly start: string | null;
  readonly outcome: 'completed' | 'failed' | 'unknown';
  readonly direction: 'inbound' | 'outbound' | 'unknown';
  /** Masked to the last digits. */
  readonly otherParty: string | null;
  readonly durationSeconds: number | null;
  /** The bot's explanation, word for word. */
  readonly summary: string;
  readonly advice: string | null;
  readonly details: readonly PhoneDetailItem[];
}

export interface SmsItem {
  readonly id: string | null;
  readonly sent: string | null;
  readonly status: 'sent' | 'received' | 'notSent' | 'unknown';
  readonly statusLabel: string;
  readonly direction: 'inbound' | 'outbound' | 'unknown';
  readonly otherParty: string | null;
  readonly summary: string;
  readonly advice: string | null;
}

/** GET /api/me/phone?days=7|30 (add format=csv&list=calls|sms for CSV): the caller's own rows only. */
export interface MyPhoneResponse {
  readonly days: number;
  readonly calls: readonly PhoneCallItem[];
  readonly sms: readonly SmsItem[];
  /** Reports that could not be read just now (the others still answer). */
  readonly unavailable: readonly ('pstn' | 'directRouting' | 'sms')[];
}

/** Helpdesk phone reports take ?from=YYYY-MM-DD&to=YYYY-MM-DD (to exclusive, at most 180 days) and format=csv. */
export interface HelpdeskPeriod {
  readonly from: string;
  readonly to: string;
}

/** One trunk's health over the period, as diagnosis/phone computes it. */
export type TrunkHealthItem = TrunkHealth;

/** GET /api/helpdesk/phone/trunks */
export interface TrunkHealthResponse extends HelpdeskPeriod {
  readonly trunks: readonly TrunkHealthItem[];
}

/** GET /api/helpdesk/phone/blocked: users whose latest action in the period is a block. */
export interface BlockedUsersResponse extends HelpdeskPeriod {
  readonly users: readonly BlockedUser[];
}

/** GET /api/helpdesk/phone/sms-failures */
export interface SmsFailuresResponse extends HelpdeskPeriod {
  readonly failures: readonly SmsFailure[];
}

/** GET /api/helpdesk/phone/dialout: audio-conferencing dial-out per destination and currency. */
export interface DialoutResponse extends HelpdeskPeriod {
  readonly destinations: readonly DialoutByDestination[];
}

// ---- Helpdesk ----------------------------------------------------------------------------------

/** GET /api/helpdesk/users?upn=alex@contoso.com (helpdesk role) → 200 or 404 not_found. */
export interface HelpdeskUserResponse {
  readonly id: string;
  readonly displayName: string | null;
  readonly userPrincipalName: string;
}

export interface AuditEntry {
  /** Object id of the helpdesk user who read. */
  readonly actorId: string;
  readonly actorName: string | null;
  /** Object id of the user whose calls were read. */
  readonly subjectId: string;
  /** Call read, or null for a list or a user lookup. For readPhoneReport: "phone:<report>" (tenant-wide). */
  readonly callId: string | null;
  readonly action: 'listCalls' | 'readCall' | 'lookupUser' | 'readPhoneReport';
  /** ISO timestamp (server clock). */
  readonly at: string;
}

/** GET /api/helpdesk/audit?limit=100 (helpdesk role), newest first. */
export interface AuditLogResponse {
  readonly entries: readonly AuditEntry[];
}

// ---- Demo mode only (404 in production) ------------------------------------------------------

export interface DemoUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  /** True for the user the demo story is about (the banner's sign-in link). */
  readonly demoUser: boolean;
  readonly helpdesk: boolean;
}

/** GET /api/demo/users */
export interface DemoUsersResponse {
  readonly users: readonly DemoUser[];
}

/** POST /api/demo/token, body { "user": objectId or UPN } → { "token" } (a bearer token for this API). */
export interface DemoTokenRequest {
  readonly user: string;
}
export interface DemoTokenResponse {
  readonly token: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
}

/** Routes, so the UI never spells a path twice. */
export const API_ROUTES = {
  me: '/api/me',
  calls: '/api/calls',
  call: (id: string) => `/api/calls/${encodeURIComponent(id)}`,
  myQuality: '/api/me/quality',
  teamQuality: (groupId: string) => `/api/teams/${encodeURIComponent(groupId)}/quality`,
  helpdeskUser: (upn: string) => `/api/helpdesk/users?upn=${encodeURIComponent(upn)}`,
  helpdeskAudit: '/api/helpdesk/audit',
  myPhone: (days: number, csv?: 'calls' | 'sms') => `/api/me/phone?days=${days}${csv ? `&format=csv&list=${csv}` : ''}`,
  helpdeskPhone: (report: 'trunks' | 'blocked' | 'sms-failures' | 'dialout', period: { from: string; to: string }, csv = false) =>
    `/api/helpdesk/phone/${report}?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}${csv ? '&format=csv' : ''}`,
  demoUsers: '/api/demo/users',
  demoToken: '/api/demo/token',
} as const;

/** One alert work item that kept failing and was set aside (GET /api/admin/alerts/poison). */
export interface PoisonedAlertEntry {
  readonly callId: string;
  readonly changeType: string;
  readonly source: string;
  readonly receivedAt: string;
  readonly reason: string;
  readonly attempts: number;
  readonly poisonedAt: string;
}

export interface PoisonedAlertsResponse {
  readonly entries: readonly PoisonedAlertEntry[];
}
