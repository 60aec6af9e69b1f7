// The per-person rules of an alert, as pure functions: does the verdict match the mode, is it
// quiet hours where they are, where does their day start (for the daily cap).
import { localParts, startOfLocalDay, type AlertMode } from '../../bot/index.js';
import type { Verdict } from '../../diagnosis/index.js';
import type { QuietHours } from './ports.js';

/** all: poor, dropped or failed to connect; drops: dropped or failed only; off: nothing. */
export function verdictMatches(mode: AlertMode, verdict: Verdict): boolean {
  if (mode === 'off') return false;
  if (verdict === 'dropped' || verdict === 'setup-failed') return true;
  return mode === 'all' && verdict === 'poor';
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number | undefined {
  const match = HH_MM.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** True when `now` on the user's wall clock falls in [start, end); start > end wraps midnight. Unreadable hours hold nothing back. */
export function inQuietHours(quiet: QuietHours | null, timeZone: string, now: Date): boolean {
  if (quiet === null) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === undefined || end === undefined || start === end) return false;
  const local = localParts(now, safeZone(timeZone));
  const minute = local.hour * 60 + local.minute;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Local midnight today in the user's zone: the daily cap counts from here. */
export function startOfUserDay(timeZone: string, now: Date): Date {
  return startOfLocalDay(now, safeZone(timeZone));
}

/** An unknown zone name must not stop the alert: read it as UTC. */
function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
