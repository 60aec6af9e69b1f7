import type { LogRecord, Logger as OtelLogger } from '@opentelemetry/api-logs';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.js';
import { createTelemetryLogStream, startTelemetry, type AzureMonitorApi } from './index.js';

function recordingOtelLogger(): { logger: OtelLogger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  return { logger: { emit: (record: LogRecord) => void records.push(record) } as OtelLogger, records };
}

function collectingStdout(): { lines: string[]; write(line: string): boolean } {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(line) > 0 };
}

describe('telemetry', () => {
  it('when the server logs, then each line reaches stdout and Application Insights with its severity, already redacted', () => {
    const otel = recordingOtelLogger();
    const stdout = collectingStdout();
    const logger = createLogger({ level: 'info', destination: createTelemetryLogStream(otel.logger, stdout) });
    logger.error({ component: 'graph', attempt: 2, caller: { ip: '203.0.113.7' } }, 'Graph call failed from 203.0.113.7');
    logger.debug({}, 'below the level: dropped');
    expect(stdout.lines).toHaveLength(1);
    expect(otel.records).toHaveLength(1);
    const [record] = otel.records;
    expect(record).toMatchObject({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', attributes: { component: 'graph', attempt: 2, name: 'call-doctor' } });
    expect(record?.body).toContain('Graph call failed');
    expect(JSON.stringify(record)).not.toContain('203.0.113.7');
  });

  it('when no connection string is configured (always so in demo mode), then Azure Monitor is never started', () => {
    let started = 0;
    const api: AzureMonitorApi = { use: () => void started++, shutdown: async () => undefined };
    expect(startTelemetry(undefined, collectingStdout(), api)).toBeUndefined();
    expect(started).toBe(0);
  });

  it('when a connection string is configured, then Azure Monitor gets it and shutdown flushes it', async () => {
    const calls: unknown[] = [];
    let flushed = false;
    const api: AzureMonitorApi = { use: (options) => void calls.push(options), shutdown: async () => void (flushed = true) };
    const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';
    const telemetry = startTelemetry({ connectionString }, collectingStdout(), api);
    expect(calls).toEqual([expect.objectContaining({ azureMonitorExporterOptions: { connectionString } })]);
    await telemetry?.shutdown();
    expect(flushed).toBe(true);
  });
});
