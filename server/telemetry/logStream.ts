// A pino destination that writes each (already scrubbed) log line on to stdout and also emits it as
// an OpenTelemetry log record, which the Azure Monitor exporter sends to Application Insights.
import type { Logger as OtelLogger, LogRecord } from '@opentelemetry/api-logs';
import { SeverityNumber } from '@opentelemetry/api-logs';

interface LineSink {
  write(line: string): unknown;
}

const SEVERITY: Record<string, SeverityNumber> = {
  trace: SeverityNumber.TRACE,
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
  fatal: SeverityNumber.FATAL,
};

type Attribute = string | number | boolean;

/** OpenTelemetry attributes are flat primitives; nested fields travel as JSON text. */
function attributesOf(fields: Record<string, unknown>): Record<string, Attribute> {
  const out: Record<string, Attribute> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return out;
}

export function toLogRecord(line: string): LogRecord | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { level, msg, time, ...fields } = parsed;
  const label = typeof level === 'string' ? level : 'info';
  return {
    severityNumber: SEVERITY[label] ?? SeverityNumber.INFO,
    severityText: label.toUpperCase(),
    body: typeof msg === 'string' ? msg : '',
    ...(typeof time === 'number' ? { timestamp: time } : {}),
    attributes: attributesOf(fields),
  };
}

export function createTelemetryLogStream(logger: OtelLogger, passThrough: LineSink): LineSink {
  return {
    write(chunk: string) {
      passThrough.write(chunk);
      for (const line of chunk.split('\n')) {
        const record = line.trim() === '' ? undefined : toLogRecord(line);
        if (record) logger.emit(record);
      }
      return true;
    },
  };
}
