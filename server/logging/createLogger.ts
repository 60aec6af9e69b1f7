// pino behind graph/logger.ts's Logger port. Every object and message passes through the
// scrubber before it is serialised, so a careless `logger.info({ record }, ...)` cannot leak an
// IP address, a phone number or a token.
import { pino, stdSerializers, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogFields, Logger } from '../../graph/index.js';
import type { LogLevel } from '../config/index.js';
import { scrubText, scrubValue } from './redact.js';

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Defaults to stdout; tests pass a stream that collects lines. */
  readonly destination?: DestinationStream;
  readonly name?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = pino(
    {
      name: options.name ?? 'call-doctor',
      level: options.level,
      base: undefined,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => scrubValue(fields) as Record<string, unknown>,
      },
      serializers: { err: stdSerializers.err },
      hooks: {
        logMethod(args, method) {
          // Scrub the message text too; the fields are scrubbed by formatters.log.
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
  return adapt(base);
}

function adapt(logger: PinoLogger): Logger {
  return {
    debug: (fields: LogFields, message: string) => logger.debug(fields, message),
    info: (fields: LogFields, message: string) => logger.info(fields, message),
    warn: (fields: LogFields, message: string) => logger.warn(fields, message),
    error: (fields: LogFields, message: string) => logger.error(fields, message),
    // pino serialises child bindings once, outside formatters.log, so scrub them here.
    child: (bindings: LogFields) => adapt(logger.child(scrubValue(bindings) as Record<string, unknown>)),
  };
}
