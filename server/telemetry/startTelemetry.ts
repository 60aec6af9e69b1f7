// Application Insights through the Azure Monitor OpenTelemetry distro: HTTP requests, outgoing
// calls (Graph, Bot Connector, storage) and the server's logs. Only when a connection string is
// configured, which server/config never does in demo mode.
import { logs } from '@opentelemetry/api-logs';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import type { DestinationStream } from 'pino';
import type { TelemetrySettings } from '../config/index.js';
import { createTelemetryLogStream } from './logStream.js';

export interface Telemetry {
  /** Hand this to createLogger so every log line also reaches Application Insights. */
  readonly logDestination: DestinationStream;
  /** Flushes what is buffered; call once on shutdown. */
  shutdown(): Promise<void>;
}

/** The distro's two entry points, injectable so tests need no network. */
export interface AzureMonitorApi {
  use(options: Parameters<typeof useAzureMonitor>[0]): void;
  shutdown(): Promise<void>;
}

const azureMonitor: AzureMonitorApi = { use: useAzureMonitor, shutdown: shutdownAzureMonitor };

export function startTelemetry(settings: TelemetrySettings | undefined, stdout: DestinationStream, api: AzureMonitorApi = azureMonitor): Telemetry | undefined {
  if (!settings) return undefined;
  api.use({
    azureMonitorExporterOptions: { connectionString: settings.connectionString },
    // Keep the payloads the bot and tab exchange out of telemetry: only request metadata.
    instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
    enableLiveMetrics: true,
  });
  const logger = logs.getLogger('call-doctor');
  return {
    logDestination: createTelemetryLogStream(logger, stdout) as DestinationStream,
    shutdown: () => api.shutdown(),
  };
}
