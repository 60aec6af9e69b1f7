// The record re-read from the asking user's point of view: who is who on every media line, and
// which way each stream ran. Everything after this step works on these views, not on raw JSON.
import type { Side } from './types.js';
import type { Json } from './read.js';
import type { Window } from './time.js';

export interface EndpointView {
  readonly kind: 'participant' | 'service' | 'unknown';
  /** Lower-cased identity ids found on the endpoint (associatedIdentity, identity.user, ...). */
  readonly ids: readonly string[];
  readonly displayName: string | null;
  /** serviceUserAgent.role for service endpoints. */
  readonly role: string | null;
  readonly isUser: boolean;
  readonly feedbackRating: string | null;
  readonly feedbackTokens: readonly string[];
  readonly path: string;
  /** Stable key so the same person on several segments is recognised as one endpoint. */
  readonly key: string;
  /** A phone-network party (identity.phone, or a number as its id): no Teams client, reached through a gateway. */
  readonly phone: boolean;
}

/**
 * How much of a side shaped the user's call: all of it (their own side, the other person in a
 * 1:1 call), only what it sent (another participant's leg in a meeting), or nothing.
 */
export type SideScope = 'full' | 'sending' | 'none';

export interface SideView {
  readonly endpoint: EndpointView;
  readonly side: Side;
  readonly scope: SideScope;
  readonly network: Json | null;
  readonly networkPath: string;
  readonly device: Json | null;
  readonly devicePath: string;
}

export type StreamKind = 'audio' | 'video' | 'screenSharing' | 'unknown';

export interface StreamView {
  readonly path: string;
  readonly stream: Json;
  readonly kind: StreamKind;
  readonly direction: 'callerToCallee' | 'calleeToCaller' | 'unknown';
  readonly label: string | null;
  readonly segmentId: string;
  /** From the stream's own start/end, else its segment's. */
  readonly durationSeconds: number | null;
  readonly sender: SideView | null;
  readonly receiver: SideView | null;
  readonly relative: 'sent' | 'received' | 'other';
  /** True when what the user heard or saw (or what others got from them) depended on this stream. */
  readonly relevant: boolean;
  /** Both ends are Microsoft servers (conferencing server, relay, phone gateway): only Microsoft's network was on the path. */
  readonly betweenServices: boolean;
}

export interface MediaView {
  readonly path: string;
  readonly label: string | null;
  readonly caller: SideView;
  readonly callee: SideView;
  readonly streams: readonly StreamView[];
}

export interface FailureView {
  readonly stage: string;
  readonly reason: string | null;
  readonly path: string;
}

export interface SegmentView {
  readonly sessionId: string;
  readonly segmentId: string;
  readonly path: string;
  readonly startDateTime: string | null;
  readonly endDateTime: string | null;
  readonly caller: EndpointView;
  readonly callee: EndpointView;
  readonly involvesUser: boolean;
  /** A participant-to-service leg of someone else in a meeting: only what they sent matters to the user. */
  readonly othersLeg: boolean;
  readonly failure: FailureView | null;
  readonly media: readonly MediaView[];
}

export interface SessionView {
  readonly id: string;
  readonly path: string;
  readonly caller: EndpointView;
  readonly callee: EndpointView;
  readonly involvesUser: boolean;
  readonly startDateTime: string | null;
  /** When this leg started and ended; a later leg of the same person is a rejoin. */
  readonly window: Window | null;
  readonly failure: FailureView | null;
  readonly segments: readonly SegmentView[];
}

export interface CallView {
  readonly callId: string;
  readonly type: string | null;
  /** Whether the asking user was found on any endpoint; sides are 'unknown' for people otherwise. */
  readonly userFound: boolean;
  readonly sessions: readonly SessionView[];
  readonly streams: readonly StreamView[];
  readonly media: readonly MediaView[];
  /** False when the record carried no sessions at all (fetched without $expand=sessions). */
  readonly hasSessions: boolean;
  /** Some other participant's leg to a service is in the record: a meeting or group call. */
  readonly isMeeting: boolean;
  /** Length of the call from the record's start/end, when both are readable. */
  readonly callSeconds: number | null;
}
