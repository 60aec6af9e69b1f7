export { createLogger, type LoggerOptions } from './createLogger.js';
export { scrubText, scrubValue, REDACTED } from './redact.js';
