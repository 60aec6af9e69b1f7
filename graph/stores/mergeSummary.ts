import type { CallSummary } from '../contract.js';

/**
 * The index's rule for two summaries of the same call: the higher version wins; at the same
 * version the incoming one wins but keeps participants only the stored one knew (a list entry
 * carries none). Exported so every CallIndex implementation applies the same rule.
 */
export function mergeSummary(stored: CallSummary | undefined, incoming: CallSummary): CallSummary {
  if (!stored) return incoming;
  const storedVersion = stored.version ?? -1;
  const incomingVersion = incoming.version ?? -1;
  if (incomingVersion < storedVersion) return stored;
  if (incomingVersion > storedVersion) return incoming;
  return incoming.participants === null && stored.participants !== null ? { ...incoming, participants: stored.participants } : incoming;
}

/** Newest first by start time; ties broken by id so every store orders the same way. */
export function compareNewestFirst(a: CallSummary, b: CallSummary): number {
  const byStart = Date.parse(b.startDateTime) - Date.parse(a.startDateTime);
  return byStart !== 0 ? byStart : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
