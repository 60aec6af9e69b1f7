// Entry point of `npm start`: production serves with the configured tenant; demo mode (no
// GRAPH_TENANT_ID) starts the emulator, the server and the Agents Playground together.
import { ConfigError, loadConfigFromProcess, type AppConfig } from './config/index.js';
import { runDemo } from './demo/runDemo.js';
import { thresholdsFromConfig } from './diagnosisWiring.js';
import { createLogger } from './logging/index.js';
import { startTelemetry } from './telemetry/index.js';

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Call Doctor cannot start: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}

let config: AppConfig;
try {
  config = loadConfigFromProcess();
  // Checked here too so demo mode fails before it starts the emulator and the Playground.
  thresholdsFromConfig(config.thresholdOverrides);
} catch (error) {
  fail(error);
}

if (config.mode === 'demo') {
  await runDemo(config);
} else {
  // Application Insights (when configured) starts before anything opens a socket, so its HTTP
  // instrumentation sees every request; logs go to stdout as well as to it.
  const telemetry = startTelemetry(config.telemetry, process.stdout);
  const logger = telemetry ? createLogger({ level: config.logLevel, destination: telemetry.logDestination }) : undefined;
  // Imported only now, so the instrumentations can hook express, botbuilder and the Azure SDKs.
  const { runServer } = await import('./runServer.js');
  const started = await runServer(config, logger ? { logger } : {}).catch(fail);
  await started.stopped;
  await telemetry?.shutdown();
}
