import type { CallSummary } from '../contract.js';

/**
 * The index's rule for two summaries of the same call: the higher version wins; at the same
 * version the incoming one wins but keeps counterparts only the stored one knew (a list entry
 * carries none). Exported so every CallIndex implementation applies the same rule.
 */
export function mergeSummary(stored: CallSummary | undefined, incoming: CallSummary): CallSummary {
  if (!stored) return incoming;
  const storedVersion = stored.version ?? -1;
  const incomingVersion = incoming.version ?? -1;
  if (incomingVersion < storedVersion) return stored;
  if (incomingVersion > storedVersion) return incoming;
  return incoming.counterparts === null && stored.counterparts !== null ? { ...incoming, counterparts: stored.counterparts } : incoming;
}

/**
 * A stored row as the current CallSummary: rows written before counterparts existed carried the
 * whole participant list, which is dropped (unknown until the record is fetched again).
 */
export function readSummary(json: string): CallSummary {
  const { participants: _legacy, ...row } = JSON.parse(json) as CallSummary & { participants?: unknown };
  return { ...row, counterparts: row.counterparts ?? null };
}

/** Newest first by start time; ties broken by id so every store orders the same way. */
export function compareNewestFirst(a: CallSummary, b: CallSummary): number {
  const byStart = Date.parse(b.startDateTime) - Date.parse(a.startDateTime);
  return byStart !== 0 ? byStart : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
