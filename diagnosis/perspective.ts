// Builds the CallView: which endpoint is the asking user's, and for every stream who sent it,
// who received it and whether it shaped what the user heard.
import { readEndpoint } from './endpoint.js';
import type { CallView, EndpointView, FailureView, MediaView, SegmentView, SessionView, SideView, StreamKind, StreamView } from './model.js';
import { arr, enumValue, obj, objOrEmpty, str } from './read.js';
import type { Json } from './read.js';
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

function readMedia(raw: unknown, path: string, segment: { caller: EndpointView; callee: EndpointView; segmentId: string; userSession: boolean; othersLeg: boolean }, userFound: boolean): MediaView {
  const media = objOrEmpty(raw);
  const label = str(media.label);
  const side = (endpoint: EndpointView, role: 'caller' | 'callee'): SideView => ({
    endpoint,
    side: sideOf(endpoint, userFound),
    network: obj(media[`${role}Network`]),
    networkPath: `${path}.${role}Network`,
    device: obj(media[`${role}Device`]),
    devicePath: `${path}.${role}Device`,
  });
  const caller = side(segment.caller, 'caller');
  const callee = side(segment.callee, 'callee');
  const streams: StreamView[] = [];
  arr(media.streams).forEach((rawStream, index) => {
    const stream = obj(rawStream);
    if (!stream) return;
    const dir = enumValue(stream.streamDirection);
    const direction = dir === 'callertocallee' ? 'callerToCallee' : dir === 'calleetocaller' ? 'calleeToCaller' : 'unknown';
    const sender = direction === 'callerToCallee' ? caller : direction === 'calleeToCaller' ? callee : null;
    const receiver = direction === 'callerToCallee' ? callee : direction === 'calleeToCaller' ? caller : null;
    const relative = sender?.endpoint.isUser ? 'sent' : receiver?.endpoint.isUser ? 'received' : 'other';
    const feedsMeeting = segment.othersLeg && sender?.endpoint.kind === 'participant' && receiver?.endpoint.kind !== 'participant';
    streams.push({
      path: `${path}.streams[${index}]`,
      stream,
      kind: streamKind(label, stream),
      direction,
      label,
      segmentId: segment.segmentId,
      sender,
      receiver,
      relative,
      relevant: !userFound || segment.userSession || feedsMeeting,
    });
  });
  return { path, label, caller, callee, streams };
}

function isServiceLeg(caller: EndpointView, callee: EndpointView): boolean {
  return (caller.kind === 'service') !== (callee.kind === 'service');
}

export function buildCallView(record: unknown, userId: string | null): CallView {
  const root = objOrEmpty(record);
  const user = typeof userId === 'string' && userId.trim() !== '' ? userId.trim().toLowerCase() : null;
  const rawSessions = arr(root.sessions);

  // First pass: is the user on any endpoint at all? Sides depend on it.
  const sessionEnds = rawSessions.map((raw, i) => {
    const s = objOrEmpty(raw);
    return {
      caller: readEndpoint(s.caller, `sessions[${i}].caller`, user, null),
      callee: readEndpoint(s.callee, `sessions[${i}].callee`, user, null),
    };
  });
  const segmentEnds = rawSessions.map((raw, i) =>
    arr(objOrEmpty(raw).segments).map((rawSegment, j) => {
      const seg = objOrEmpty(rawSegment);
      const ends = sessionEnds[i]!;
      return {
        caller: readEndpoint(seg.caller, `sessions[${i}].segments[${j}].caller`, user, ends.caller),
        callee: readEndpoint(seg.callee, `sessions[${i}].segments[${j}].callee`, user, ends.callee),
      };
    }),
  );
  const userFound =
    sessionEnds.some((e) => e.caller.isUser || e.callee.isUser) || segmentEnds.some((segs) => segs.some((e) => e.caller.isUser || e.callee.isUser));

  const sessions: SessionView[] = rawSessions.map((raw, i) => {
    const s = objOrEmpty(raw);
    const ends = sessionEnds[i]!;
    const id = str(s.id) ?? `session-${i}`;
    const segEnds = segmentEnds[i]!;
    const userSession = ends.caller.isUser || ends.callee.isUser || segEnds.some((e) => e.caller.isUser || e.callee.isUser);
    const othersLeg = !userSession && isServiceLeg(ends.caller, ends.callee);
    const segments: SegmentView[] = arr(s.segments).map((rawSegment, j) => {
      const seg = objOrEmpty(rawSegment);
      const { caller, callee } = segEnds[j]!;
      const path = `sessions[${i}].segments[${j}]`;
      const segmentId = str(seg.id) ?? `${id}/${j}`;
      const media = arr(seg.media).map((m, k) => readMedia(m, `${path}.media[${k}]`, { caller, callee, segmentId, userSession, othersLeg }, userFound));
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
    return { id, path: `sessions[${i}]`, caller: ends.caller, callee: ends.callee, involvesUser: userSession, failure: readFailure(s.failureInfo, `sessions[${i}].failureInfo`), segments };
  });

  const media = sessions.flatMap((s) => s.segments.flatMap((seg) => seg.media));
  return {
    callId: str(root.id) ?? '',
    type: str(root.type),
    userFound,
    sessions,
    media,
    streams: media.flatMap((m) => m.streams),
  };
}
