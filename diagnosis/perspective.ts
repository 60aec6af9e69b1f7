// Builds the CallView: which endpoint is the asking user's, and for every stream who sent it,
// who received it and whether it shaped what the user heard.
import { readEndpoint } from './endpoint.js';
import type { CallView, EndpointView, FailureView, MediaView, SegmentView, SessionView, SideScope, SideView, StreamKind, StreamView } from './model.js';
import { arr, enumValue, obj, objOrEmpty, str } from './read.js';
import type { Json } from './read.js';
import { overlapSeconds, seconds, windowOf } from './time.js';
import type { Window } from './time.js';
import type { Thresholds } from './thresholds.js';
import type { Side } from './types.js';


function sideOf(endpoint: EndpointView, userFound: boolean): Side {
  if (endpoint.isUser) return 'you';
  if (endpoint.kind === 'service') return 'service';
  if (endpoint.kind === 'participant' && userFound) return 'other';
  return 'unknown';
}

function readFailure(raw: unknown, path: string): FailureView | null {
  const failure = obj(raw);
  if (!failure) return null;
  const stage = enumValue(failure.stage);
  return { stage: stage === 'callsetup' ? 'callSetup' : stage === 'midcall' ? 'midcall' : 'unknown', reason: str(failure.reason), path };
}

function streamKind(label: string | null, stream: Json): StreamKind {
  const l = (label ?? '').toLowerCase();
  if (l.includes('applicationsharing') || l.includes('screen') || l.includes('vbss')) return 'screenSharing';
  if (l.includes('video')) return 'video';
  if (l.includes('audio')) return 'audio';
  if (stream.audioCodec != null || stream.averageAudioDegradation != null || stream.averageRatioOfConcealedSamples != null) return 'audio';
  if (stream.videoCodec != null || stream.averageVideoFrameRate != null || stream.averageVideoFrameLossPercentage != null) return 'video';
  return 'unknown';
}

interface SegmentContext {
  readonly caller: EndpointView;
  readonly callee: EndpointView;
  readonly segmentId: string;
  readonly window: Window | null;
  readonly start: unknown;
  readonly end: unknown;
  readonly scope: SideScope;
  readonly userFound: boolean;
}

/** A stream's own window; most streams share their segment's times, parsed once. */
function streamWindow(stream: Json, seg: SegmentContext): Window | null {
  const start = stream.startDateTime;
  const end = stream.endDateTime;
  if (start === undefined && end === undefined) return seg.window;
  if (start === seg.start && end === seg.end) return seg.window;
  return windowOf(start, end) ?? seg.window;
}

function readMedia(raw: unknown, path: string, seg: SegmentContext): MediaView {
  const media = objOrEmpty(raw);
  const label = str(media.label);
  const side = (endpoint: EndpointView, role: 'caller' | 'callee'): SideView => ({
    endpoint,
    side: sideOf(endpoint, seg.userFound),
    scope: endpoint.kind === 'service' ? 'none' : seg.scope,
    network: obj(media[`${role}Network`]),
    networkPath: `${path}.${role}Network`,
    device: obj(media[`${role}Device`]),
    devicePath: `${path}.${role}Device`,
  });
  const caller = side(seg.caller, 'caller');
  const callee = side(seg.callee, 'callee');
  const streams: StreamView[] = [];
  arr(media.streams).forEach((rawStream, index) => {
    const stream = obj(rawStream);
    if (!stream) return;
    const dir = enumValue(stream.streamDirection);
    const direction = dir === 'callertocallee' ? 'callerToCallee' : dir === 'calleetocaller' ? 'calleeToCaller' : 'unknown';
    const sender = direction === 'callerToCallee' ? caller : direction === 'calleeToCaller' ? callee : null;
    const receiver = direction === 'callerToCallee' ? callee : direction === 'calleeToCaller' ? caller : null;
    const relative = sender?.endpoint.isUser ? 'sent' : receiver?.endpoint.isUser ? 'received' : 'other';
    const relevant = seg.scope === 'full' || (seg.scope === 'sending' && sender?.scope === 'sending' && receiver?.endpoint.kind !== 'participant');
    streams.push({
      path: `${path}.streams[${index}]`,
      stream,
      kind: streamKind(label, stream),
      direction,
      label,
      segmentId: seg.segmentId,
      durationSeconds: seconds(streamWindow(stream, seg)),
      sender,
      receiver,
      relative,
      relevant,
      betweenServices: sender?.endpoint.kind === 'service' && receiver?.endpoint.kind === 'service',
    });
  });
  return { path, label, caller, callee, streams };
}

function isServiceLeg(caller: EndpointView, callee: EndpointView): boolean {
  return (caller.kind === 'service') !== (callee.kind === 'service');
}

interface RawSession {
  readonly raw: Json;
  readonly caller: EndpointView;
  readonly callee: EndpointView;
  readonly segments: readonly { raw: Json; caller: EndpointView; callee: EndpointView }[];
  readonly userSession: boolean;
  readonly window: Window | null;
}

function readSessions(rawSessions: readonly unknown[], user: string | null, anonymousIsUser = false): RawSession[] {
  return rawSessions.map((raw, i) => {
    const s = objOrEmpty(raw);
    const caller = readEndpoint(s.caller, `sessions[${i}].caller`, user, null, anonymousIsUser);
    const callee = readEndpoint(s.callee, `sessions[${i}].callee`, user, null, anonymousIsUser);
    const segments = arr(s.segments).map((rawSegment, j) => {
      const seg = objOrEmpty(rawSegment);
      return {
        raw: seg,
        caller: readEndpoint(seg.caller, `sessions[${i}].segments[${j}].caller`, user, caller, anonymousIsUser),
        callee: readEndpoint(seg.callee, `sessions[${i}].segments[${j}].callee`, user, callee, anonymousIsUser),
      };
    });
    const userSession = caller.isUser || callee.isUser || segments.some((e) => e.caller.isUser || e.callee.isUser);
    return { raw: s, caller, callee, segments, userSession, window: windowOf(s.startDateTime, s.endDateTime) };
  });
}

/**
 * participants_v2 lists who took part even when endpoints carry no identity. If the user is listed
 * but on no endpoint, and exactly one participant endpoint is anonymous, that endpoint is theirs.
 */
function anonymousEndpointIsUser(root: Json, sessions: readonly RawSession[], user: string | null): boolean {
  if (!user || sessions.some((s) => s.userSession)) return false;
  const listed = arr(root.participants_v2).some((p) => {
    const participant = obj(p);
    return str(participant?.id)?.toLowerCase() === user || str(obj(obj(participant?.identity)?.user)?.id)?.toLowerCase() === user;
  });
  if (!listed) return false;
  const anonymous = sessions.flatMap((s) => [s.caller, s.callee]).filter((e) => e.kind === 'participant' && e.ids.length === 0);
  return anonymous.length === 1;
}

/** What part of a session shaped the user's call. */
function scopeOf(session: RawSession, userFound: boolean, userWindows: readonly Window[], minShared: number): SideScope {
  if (!userFound || session.userSession) return 'full';
  if (!isServiceLeg(session.caller, session.callee)) return 'none';
  // Another participant's leg feeds the user only while both were in the meeting.
  // Without times on either side, assume the legs overlapped rather than drop the evidence.
  if (!session.window || userWindows.length === 0) return 'sending';
  return overlapSeconds(session.window, userWindows) >= minShared ? 'sending' : 'none';
}

export function buildCallView(record: unknown, userId: unknown, thresholds: Thresholds): CallView {
  const root = objOrEmpty(record);
  const user = typeof userId === 'string' && userId.trim() !== '' ? userId.trim().toLowerCase() : null;
  const firstPass = readSessions(arr(root.sessions), user);
  const raws = anonymousEndpointIsUser(root, firstPass, user) ? readSessions(arr(root.sessions), user, true) : firstPass;
  const userFound = raws.some((s) => s.userSession);
  const userWindows = raws.filter((s) => s.userSession && s.window).map((s) => s.window!);

  const sessions: SessionView[] = raws.map((rawSession, i) => {
    const id = str(rawSession.raw.id) ?? `session-${i}`;
    const scope = scopeOf(rawSession, userFound, userWindows, thresholds['stream.minSeconds']);
    const othersLeg = userFound && !rawSession.userSession && isServiceLeg(rawSession.caller, rawSession.callee);
    const segments: SegmentView[] = rawSession.segments.map(({ raw: seg, caller, callee }, j) => {
      const path = `sessions[${i}].segments[${j}]`;
      const segmentId = str(seg.id) ?? `${id}/${j}`;
      const window = windowOf(seg.startDateTime, seg.endDateTime);
      const media = arr(seg.media).map((m, k) => readMedia(m, `${path}.media[${k}]`, { caller, callee, segmentId, window, start: seg.startDateTime, end: seg.endDateTime, scope, userFound }));
      return {
        sessionId: id,
        segmentId,
        path,
        startDateTime: str(seg.startDateTime),
        endDateTime: str(seg.endDateTime),
        caller,
        callee,
        involvesUser: caller.isUser || callee.isUser,
        othersLeg,
        failure: readFailure(seg.failureInfo, `${path}.failureInfo`),
        media,
      };
    });
    return {
      id,
      path: `sessions[${i}]`,
      caller: rawSession.caller,
      callee: rawSession.callee,
      involvesUser: rawSession.userSession,
      startDateTime: str(rawSession.raw.startDateTime),
      window: rawSession.window,
      failure: readFailure(rawSession.raw.failureInfo, `sessions[${i}].failureInfo`),
      segments,
    };
  });

  const media = sessions.flatMap((s) => s.segments.flatMap((seg) => seg.media));
  return {
    callId: str(root.id) ?? '',
    type: str(root.type),
    userFound,
    sessions,
    media,
    streams: media.flatMap((m) => m.streams),
    hasSessions: Array.isArray(root.sessions),
    isMeeting: enumValue(root.type) === 'groupcall' || sessions.some((s) => s.segments.some((seg) => seg.othersLeg)),
    callSeconds: seconds(windowOf(root.startDateTime, root.endDateTime)),
  };
}
