// The asker's calls, fetched through graph/ and re-checked against each full record: the per-user
// index is a hint, the record's participants are the proof.
import type { CallRecordsService, CallSummary, FullCallRecord } from '../../graph/contract.js';
import { CallRecordNotFoundError } from '../../graph/errors.js';
import { tookPart } from './participants.js';

/** Call records are kept 30 days; nothing older can be asked about. */
export const RETENTION_DAYS = 30;

export interface CallWindow {
  readonly since?: Date;
  readonly until?: Date;
  readonly limit?: number;
}

export function retentionStart(now: Date): Date {
  return new Date(now.getTime() - RETENTION_DAYS * 24 * 60 * 60 * 1000);
}

export async function listOwnCalls(calls: CallRecordsService, userId: string, now: Date, window: CallWindow = {}): Promise<CallSummary[]> {
  const floor = retentionStart(now);
  const since = window.since && window.since > floor ? window.since : floor;
  return calls.recentCalls(userId, {
    since,
    ...(window.until ? { until: window.until } : {}),
    ...(window.limit !== undefined ? { limit: window.limit } : {}),
    priority: 'interactive',
  });
}

/** The full record, or null when it does not exist (any more) or the user did not take part in it. */
export async function loadOwnCall(calls: CallRecordsService, userId: string, callId: string, minVersion?: number | null): Promise<FullCallRecord | null> {
  try {
    const record = await calls.getCall(callId, { priority: 'interactive', ...(minVersion != null ? { minVersion } : {}) });
    return tookPart(record, userId) ? record : null;
  } catch (error) {
    if (error instanceof CallRecordNotFoundError) return null;
    throw error;
  }
}
