// The legs that decide whether a user's call failed, and which of them were rejoins.
//
// Graph reports failureInfo per leg, not per call: a stream's failure is propagated to its segment
// and from there to its session (callrecords-failureinfo), and every join of a meeting is its own
// participant-to-service session. CQD likewise counts setup and drop failures per stream. So one
// person's record can hold a failed join next to a join that worked, or a drop next to the rejoin
// that followed it, and only the legs together tell what that person went through.
import type { CallView, FailureView, SessionView, SideView } from './model.js';

export interface LegFailure {
  readonly failure: FailureView;
  /** Both sides of every media line under the failure, for the conditions that may explain it. */
  readonly sides: () => SideView[];
}

export interface Leg {
  readonly session: SessionView;
  /** Whose leg: the asking user; when they are on no endpoint, the people on the session. */
  readonly person: string;
  readonly failures: readonly LegFailure[];
  /** It got past set-up: it has no callSetup failure, or it dropped mid-call, which means it had connected. */
  readonly connected: boolean;
}

function personOf(call: CallView, session: SessionView): string {
  if (call.userFound) return 'user';
  return [session.caller, session.callee]
    .filter((e) => e.kind !== 'service')
    .map((e) => e.key)
    .sort()
    .join('+');
}

function failuresOf(session: SessionView): LegFailure[] {
  const failures: LegFailure[] = [];
  if (session.failure) failures.push({ failure: session.failure, sides: () => session.segments.flatMap((seg) => seg.media.flatMap((m) => [m.caller, m.callee])) });
  for (const segment of session.segments) {
    if (segment.failure) failures.push({ failure: segment.failure, sides: () => segment.media.flatMap((m) => [m.caller, m.callee]) });
  }
  return failures;
}

/** The legs whose failures are the user's own: someone else dropping out of a meeting is not their drop. */
export function failureLegs(call: CallView): Leg[] {
  return call.sessions
    .filter((session) => !call.userFound || session.involvesUser)
    .map((session) => {
      const failures = failuresOf(session);
      const dropped = failures.some((f) => f.failure.stage === 'midcall');
      const setupFailed = failures.some((f) => f.failure.stage === 'callSetup');
      return { session, person: personOf(call, session), failures, connected: dropped || !setupFailed };
    });
}

/** Whether the same person got into the call on any leg; if so a failed join attempt did not keep them out. */
export function personConnected(leg: Leg, legs: readonly Leg[]): boolean {
  return legs.some((other) => other.person === leg.person && other.connected);
}

/**
 * The leg on which the same person came back after `leg`: it connected, started later and lasted
 * beyond it. Without times on both legs the order is unknown, so no rejoin is claimed.
 */
export function rejoinAfter(leg: Leg, legs: readonly Leg[]): Leg | null {
  const before = leg.session.window;
  if (!before) return null;
  return (
    legs.find((other) => {
      const after = other.session.window;
      return other !== leg && other.person === leg.person && other.connected && after !== null && after.start > before.start && after.end > before.end;
    }) ?? null
  );
}
