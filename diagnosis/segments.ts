// Per-segment, per-stream classification for the tab, with a class per metric so every cell can
// be coloured.
import type { StreamAssessment } from './classify.js';
import type { CallView, EndpointView, FailureView } from './model.js';
import type { SegmentQuality, StreamQuality } from './types.js';

function label(endpoint: EndpointView): string {
  if (endpoint.isUser) return 'You';
  if (endpoint.kind === 'service') return endpoint.role ? `Teams service (${endpoint.role})` : 'Teams service';
  return endpoint.displayName ?? (endpoint.kind === 'participant' ? 'Participant' : 'Unknown endpoint');
}

function streamQuality(a: StreamAssessment): StreamQuality {
  return {
    segmentId: a.view.segmentId,
    mediaLabel: a.view.label,
    kind: a.view.kind,
    direction: a.view.direction,
    relative: a.view.relative,
    classification: a.classification,
    metrics: a.metrics,
  };
}

function failureOf(failure: FailureView | null): SegmentQuality['failure'] {
  return failure ? { stage: failure.stage, reason: failure.reason } : null;
}

export function segmentQualities(call: CallView, assessments: ReadonlyMap<object, StreamAssessment>): SegmentQuality[] {
  return call.sessions.flatMap((session) =>
    session.segments.map((segment) => ({
      sessionId: segment.sessionId,
      segmentId: segment.segmentId,
      startDateTime: segment.startDateTime,
      endDateTime: segment.endDateTime,
      caller: label(segment.caller),
      callee: label(segment.callee),
      involvesUser: segment.involvesUser,
      failure: failureOf(segment.failure ?? session.failure),
      streams: segment.media.flatMap((m) => m.streams.map((s) => assessments.get(s)).filter((a): a is StreamAssessment => a !== undefined).map(streamQuality)),
    })),
  );
}
