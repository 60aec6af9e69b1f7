// The logging port every server-side module receives. pino's logger satisfies it; tests pass
// `silentLogger` or a recording one. Fields are structured; never put a token, IP address or
// phone number in them (server/logging redacts the known keys as a second line of defence).

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  child(bindings: LogFields): Logger;
}

const noop = (): void => undefined;
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop, child: () => silentLogger };
