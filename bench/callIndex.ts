// Benchmark of graph/'s per-user call index at meeting scale: the bytes each participant's row
// takes for a generated 1,000-person meeting (the emulator's meeting composer, one session per
// person), stored through the real SQLite index. "Before" is the row shape the index used to
// write (the whole participant list on every row), measured in the same run for comparison.
import { composeMeeting } from '../emulator/data/compose.js';
import { Rng } from '../emulator/data/random.js';
import { SCENARIOS } from '../emulator/data/scenarios.js';
import type { TenantUser } from '../emulator/data/types.js';
import { participantRef } from '../graph/callRecords/participantRef.js';
import { indexEntries } from '../graph/index.js';
import type { CallSummary, FullCallRecord } from '../graph/index.js';
import { createSqliteStore } from '../server/store/sqlite/createSqliteStore.js';

export const name = 'graph: index bytes per participant row for a 1,000-person meeting';

const PEOPLE = 1000;
/** Azure Tables' limit for one string property (the row's summary). */
const TABLE_PROPERTY_BYTES = 64 * 1024;

function meeting(): FullCallRecord {
  const rng = new Rng(1000);
  const people: TenantUser[] = Array.from({ length: PEOPLE }, (_, i) => {
    const local = `person.${i}`;
    return { id: rng.uuid(), displayName: `Person ${String(i).padStart(4, '0')} Lastname`, userPrincipalName: `${local}@contoso.com`, mail: `${local}@contoso.com` };
  });
  const now = new Date('2026-11-20T12:00:00Z');
  const composed = composeMeeting(
    { rng, tenantId: 'dc368399-474c-4d40-900c-6265431fd81f', now, clients: new Map() },
    { id: rng.uuid(), start: new Date('2026-11-20T09:00:00Z'), seconds: 60 * 60, organizer: people[0]!, people, asker: people[1]!, scenario: SCENARIOS.goodMeeting, video: false },
  );
  return composed.record as unknown as FullCallRecord;
}

/** The row every participant got before: one summary carrying the whole participant list. */
function legacyRows(record: FullCallRecord): Map<string, CallSummary> {
  const entries = indexEntries(record);
  const participants = record.participants_v2.map(participantRef).filter((p) => p !== null);
  const legacy = new Map<string, CallSummary>();
  for (const [userId, summary] of entries) legacy.set(userId, { ...summary, counterparts: null, participants } as CallSummary);
  return legacy;
}

async function storedBytes(rows: Map<string, CallSummary>): Promise<{ rows: number; total: number; max: number }> {
  const store = createSqliteStore({ path: ':memory:', now: () => new Date() });
  try {
    for (const [userId, summary] of rows) await store.graph.index.upsert(userId, [summary]);
    const stats = store.db.prepare('SELECT COUNT(*) AS rows, SUM(LENGTH(CAST(summary AS BLOB))) AS total, MAX(LENGTH(CAST(summary AS BLOB))) AS max FROM call_index').get() as { rows: number; total: number; max: number };
    return stats;
  } finally {
    store.close();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export async function run(log: (line: string) => void): Promise<void> {
  const record = meeting();
  log(`  meeting: ${record.participants_v2.length} participants, ${record.sessions.length} sessions, record ${mib(Buffer.byteLength(JSON.stringify(record)))}`);
  const before = await storedBytes(legacyRows(record));
  const after = await storedBytes(indexEntries(record));
  const fits = (max: number) => (max <= TABLE_PROPERTY_BYTES ? 'fits' : 'over');
  log(`  before (whole participant list per row): ${before.rows} rows, ${kib(before.total / before.rows)} per row, ${mib(before.total)} in all; largest row ${kib(before.max)} (${fits(before.max)} Azure Tables' 64 KiB property)`);
  log(`  after (bounded counterparts per row):    ${after.rows} rows, ${kib(after.total / after.rows)} per row, ${mib(after.total)} in all; largest row ${kib(after.max)} (${fits(after.max)} Azure Tables' 64 KiB property)`);
  log(`  per-row ratio: ${(before.total / after.total).toFixed(0)}x smaller`);
}
