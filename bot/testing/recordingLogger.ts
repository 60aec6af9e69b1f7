// A Logger that keeps every entry, so tests can check what would reach the logs (and what must not).
import type { LogFields, Logger } from '../../graph/logger.js';

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

export function recordingLogger(entries: LogEntry[] = [], bindings: LogFields = {}): Logger & { readonly entries: LogEntry[] } {
  const at = (level: LogEntry['level']) => (fields: LogFields, message: string) => void entries.push({ level, message, fields: { ...bindings, ...fields } });
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}
