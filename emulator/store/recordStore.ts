// The call records the emulator serves: one full record per id (all sessions with segments and
// all participants inline), revised in place with an increasing version like Graph's.
import { asArray, isObject, withoutControlAnnotations, type JsonObject } from './json.js';

export const RETENTION_DAYS = 30;

export interface StoredRecord {
  readonly id: string;
  readonly record: JsonObject;
  /** Records loaded with --records are documentation or captured data: served whatever their age. */
  readonly retentionExempt: boolean;
}

export interface RecordChange {
  readonly changeType: 'created' | 'updated';
  readonly id: string;
  readonly version: number;
  readonly participantIds: readonly string[];
}

export class RecordValidationError extends Error {}

export class RecordStore {
  private readonly records = new Map<string, StoredRecord>();
  private readonly listeners = new Set<(change: RecordChange) => void>();

  constructor(private readonly now: () => Date) {}

  /** Adds a record or revises an existing one (version + 1, lastModifiedDateTime = now) and tells listeners. */
  upsert(input: unknown, options: { retentionExempt?: boolean; silent?: boolean } = {}): RecordChange {
    const record = normalise(input);
    const id = record.id as string;
    const existing = this.records.get(id);
    const given = typeof record.version === 'number' ? record.version : 0;
    if (existing) {
      record.version = Math.max(given, (existing.record.version as number) + 1);
      record.lastModifiedDateTime = this.now().toISOString();
    } else {
      record.version = given > 0 ? given : 1;
      if (typeof record.lastModifiedDateTime !== 'string') record.lastModifiedDateTime = this.now().toISOString();
    }
    this.records.set(id, { id, record, retentionExempt: options.retentionExempt ?? existing?.retentionExempt ?? false });
    const change: RecordChange = { changeType: existing ? 'updated' : 'created', id, version: record.version as number, participantIds: participantIdsOf(record) };
    if (!options.silent) for (const listener of this.listeners) listener(change);
    return change;
  }

  onChange(listener: (change: RecordChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The record if it exists and is still within retention at `now`. */
  get(id: string): StoredRecord | undefined {
    const stored = this.records.get(id);
    return stored && this.retained(stored) ? stored : undefined;
  }

  /** Retained records in a stable order (start time, then id) so paging cursors survive inserts. */
  list(): StoredRecord[] {
    return [...this.records.values()].filter((r) => this.retained(r)).sort(compareStored);
  }

  private retained(stored: StoredRecord): boolean {
    if (stored.retentionExempt) return true;
    const end = Date.parse(String(stored.record.endDateTime));
    return end >= this.now().getTime() - RETENTION_DAYS * 86_400_000;
  }
}

export function compareStored(a: StoredRecord, b: StoredRecord): number {
  const sa = String(a.record.startDateTime);
  const sb = String(b.record.startDateTime);
  return sa < sb ? -1 : sa > sb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function normalise(input: unknown): JsonObject {
  if (!isObject(input)) throw new RecordValidationError('A call record must be a JSON object.');
  const record = withoutControlAnnotations(structuredClone(input));
  for (const field of ['id', 'startDateTime', 'endDateTime'] as const) {
    if (typeof record[field] !== 'string' || record[field] === '') throw new RecordValidationError(`A call record needs a string "${field}".`);
  }
  for (const field of ['startDateTime', 'endDateTime'] as const) {
    if (Number.isNaN(Date.parse(record[field] as string))) throw new RecordValidationError(`"${field}" is not an ISO 8601 date-time.`);
  }
  if (record.sessions !== undefined) {
    if (!Array.isArray(record.sessions)) throw new RecordValidationError('"sessions" must be an array.');
    record.sessions = asArray(record.sessions).map(withoutControlAnnotations);
  }
  if (record.participants_v2 !== undefined && !Array.isArray(record.participants_v2)) throw new RecordValidationError('"participants_v2" must be an array.');
  return record;
}

/** Who took part: participants_v2 ids, else the identities on the session endpoints. */
export function participantIdsOf(record: JsonObject): string[] {
  const ids = new Set<string>();
  for (const p of asArray(record.participants_v2)) if (typeof p.id === 'string') ids.add(p.id);
  if (ids.size === 0) {
    for (const session of asArray(record.sessions)) {
      for (const end of [session.caller, session.callee]) {
        const identity = isObject(end) ? end.associatedIdentity : undefined;
        if (isObject(identity) && typeof identity.id === 'string') ids.add(identity.id);
      }
    }
  }
  const organizer = isObject(record.organizer_v2) ? record.organizer_v2.id : undefined;
  if (typeof organizer === 'string') ids.add(organizer);
  return [...ids];
}
