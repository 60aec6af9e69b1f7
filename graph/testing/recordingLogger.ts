import type { LogFields, Logger } from '../logger.js';

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

/** A Logger that keeps every entry (child bindings merged in), so tests can read what was logged. */
export function recordingLogger(entries: LogEntry[] = [], bindings: LogFields = {}): Logger & { readonly entries: LogEntry[] } {
  const log = (level: LogEntry['level']) => (fields: LogFields, message: string) => entries.push({ level, message, fields: { ...bindings, ...fields } });
  return { entries, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: (more) => recordingLogger(entries, { ...bindings, ...more }) };
}
