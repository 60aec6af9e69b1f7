// The rules every AlertPreferenceStore holds its settings to, and the one reading of quiet hours,
// so the stores, the bot's replies and the alert worker agree on what "18:00 to 08:00" means.
import { isValidTimeZone } from '../asker.js';
import { localParts } from '../time/zonedTime.js';
import type { AlertMode, AlertSettings, AlertSettingsChange, QuietHours } from '../ports.js';
import { MAX_DAILY_CAP } from '../ports.js';

const MODES: readonly AlertMode[] = ['all', 'drops', 'off'];
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Throws an Error naming the first invalid field; stores call it before writing anything. */
export function checkAlertSettingsChange(change: AlertSettingsChange): void {
  if (change.mode !== undefined && !MODES.includes(change.mode)) throw new Error(`Unknown alert mode "${String(change.mode)}"; expected one of ${MODES.join(', ')}`);
  if (change.quietHours) {
    for (const [name, value] of [['start', change.quietHours.start], ['end', change.quietHours.end]] as const) {
      if (!CLOCK.test(value)) throw new Error(`Quiet hours ${name} "${String(value)}" is not a 24-hour HH:MM time`);
    }
    if (change.quietHours.start === change.quietHours.end) throw new Error('Quiet hours must start and end at different times');
  }
  if (change.timeZone !== undefined && !isValidTimeZone(change.timeZone)) throw new Error(`Unknown time zone "${String(change.timeZone)}"`);
  if (change.dailyCap !== undefined && !(Number.isInteger(change.dailyCap) && change.dailyCap >= 1 && change.dailyCap <= MAX_DAILY_CAP)) {
    throw new Error(`Daily cap must be a whole number from 1 to ${MAX_DAILY_CAP} (got ${String(change.dailyCap)})`);
  }
}

/** Minutes since local midnight of an 'HH:MM' the checks above accepted. */
function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** True when `instant` falls inside the quiet hours, read on the wall clock of `timeZone`. Start is inside, end is not. */
export function isQuietAt(instant: Date, quietHours: QuietHours | null, timeZone: string): boolean {
  if (!quietHours) return false;
  const local = localParts(instant, timeZone);
  const now = local.hour * 60 + local.minute;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  // start > end wraps midnight: 18:00 to 08:00 is quiet from 18:00 to 23:59 and from 00:00 to 07:59.
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** "18:00 to 08:00" for cards and replies. */
export function describeQuietHours(settings: Pick<AlertSettings, 'quietHours' | 'timeZone'>): string {
  return settings.quietHours ? `${settings.quietHours.start} to ${settings.quietHours.end} (${settings.timeZone})` : 'None';
}
