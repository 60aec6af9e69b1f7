// The ledger's rules, pure so the in-process and the Azure Tables ledgers keep the same ones.
// A bucket's requests are counted per slice of time (1 s by default) instead of one timestamp
// each: a row of Graph's 1,500 per 20 s stays ~22 numbers. A request counts from the start of its
// slice until a window after the slice ends, plus a slack for the time between the reservation
// and Graph seeing the request (token, network) and for clocks that differ between instances.
import type { LedgerAnswer, LedgerBucket, LedgerReservation } from './budgetLedger.js';

export interface SliceCount {
  /** Start of the slice, ms since the epoch. */
  readonly start: number;
  readonly count: number;
}

export interface LedgerTiming {
  readonly sliceMs: number;
  readonly slackMs: number;
}

export const DEFAULT_LEDGER_TIMING: LedgerTiming = { sliceMs: 1_000, slackMs: 1_000 };

/** Slices of one bucket, oldest first. */
export type BucketSlices = readonly SliceCount[];

function expiresAt(slice: SliceCount, windowMs: number, timing: LedgerTiming): number {
  return slice.start + timing.sliceMs + windowMs + timing.slackMs;
}

/** The slices still counting at `now`. */
export function liveSlices(slices: BucketSlices, windowMs: number, now: number, timing: LedgerTiming): SliceCount[] {
  return slices.filter((slice) => expiresAt(slice, windowMs, timing) > now);
}

function take(slices: BucketSlices, bucket: LedgerBucket, count: number, now: number, timing: LedgerTiming): { slices: SliceCount[] } | { retryAt: number } {
  const live = liveSlices(slices, bucket.windowMs, now, timing);
  const used = live.reduce((sum, slice) => sum + slice.count, 0);
  const excess = used + count - bucket.limit;
  if (excess <= 0) {
    const start = Math.floor(now / timing.sliceMs) * timing.sliceMs;
    const last = live.at(-1);
    if (last?.start === start) live[live.length - 1] = { start, count: last.count + count };
    else live.push({ start, count });
    return { slices: live };
  }
  // Room frees up when enough of the oldest slices have stopped counting.
  let freed = 0;
  for (const slice of live) {
    freed += slice.count;
    if (freed >= excess) return { retryAt: expiresAt(slice, bucket.windowMs, timing) };
  }
  return { retryAt: now + bucket.windowMs };
}

/**
 * Applies a reservation to the buckets' slices (a map the caller owns, keyed by bucket key):
 * all of its buckets or none. Returns the answer; on a grant the map holds the new slices.
 */
export function applyReservation(state: Map<string, BucketSlices>, reservation: LedgerReservation, timing: LedgerTiming = DEFAULT_LEDGER_TIMING): LedgerAnswer {
  const now = reservation.at.getTime();
  for (const bucket of reservation.buckets) {
    if (!(reservation.count >= 1 && reservation.count <= bucket.limit)) throw new RangeError(`cannot reserve ${reservation.count} in bucket ${bucket.key} of limit ${bucket.limit}`);
  }
  const next = new Map<string, SliceCount[]>();
  let denied: { key: string; retryAt: number } | undefined;
  for (const bucket of reservation.buckets) {
    const outcome = take(next.get(bucket.key) ?? state.get(bucket.key) ?? [], bucket, reservation.count, now, timing);
    if ('slices' in outcome) next.set(bucket.key, outcome.slices);
    else if (denied === undefined || outcome.retryAt > denied.retryAt) denied = { key: bucket.key, retryAt: outcome.retryAt };
  }
  if (denied !== undefined) return { granted: false, key: denied.key, retryAt: new Date(denied.retryAt) };
  for (const [key, slices] of next) state.set(key, slices);
  return { granted: true };
}

/** Compact text for a stored row: "start:count,start:count" with starts in slices since the epoch. */
export function encodeSlices(slices: BucketSlices, timing: LedgerTiming = DEFAULT_LEDGER_TIMING): string {
  return slices.map((slice) => `${Math.round(slice.start / timing.sliceMs)}:${slice.count}`).join(',');
}

export function decodeSlices(text: unknown, timing: LedgerTiming = DEFAULT_LEDGER_TIMING): SliceCount[] {
  if (typeof text !== 'string' || text === '') return [];
  const slices: SliceCount[] = [];
  for (const part of text.split(',')) {
    const [start, count] = part.split(':').map(Number);
    if (Number.isFinite(start) && Number.isInteger(count) && count! > 0) slices.push({ start: start! * timing.sliceMs, count: count! });
  }
  return slices.sort((a, b) => a.start - b.start);
}
