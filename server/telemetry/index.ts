export { startTelemetry, type AzureMonitorApi, type Telemetry } from './startTelemetry.js';
export { createTelemetryLogStream, toLogRecord } from './logStream.js';
