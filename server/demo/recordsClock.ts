// With --records, the served records may be months old (documentation samples, an export) while
// the bot only looks at the last 30 days, as Graph keeps them. So the demo server's clock starts
// just after the newest record ended: "my last call" is then the newest record, as it would be
// right after that call in a real tenant.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Minutes after the newest call's end: records appear some minutes after a call ends. */
const AFTER_NEWEST_MINUTES = 35;

/** The clock start for a records folder; undefined when no file has a readable end time. */
export function clockStartForRecords(dir: string): Date | undefined {
  let newest = Number.NEGATIVE_INFINITY;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const record = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { endDateTime?: unknown; startDateTime?: unknown };
      const end = Date.parse(String(record.endDateTime ?? record.startDateTime));
      if (Number.isFinite(end)) newest = Math.max(newest, end);
    } catch {
      // Unreadable files are the emulator's to report; they do not move the clock.
      continue;
    }
  }
  return Number.isFinite(newest) ? new Date(newest + AFTER_NEWEST_MINUTES * 60_000) : undefined;
}
