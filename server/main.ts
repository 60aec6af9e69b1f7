// Entry point of `npm start`: production serves with the configured tenant; demo mode (no
// GRAPH_TENANT_ID) starts the emulator, the server and the Agents Playground together.
import { ConfigError, loadConfigFromProcess, type AppConfig } from './config/index.js';
import { runDemo } from './demo/runDemo.js';
import { thresholdsFromConfig } from './diagnosisWiring.js';
import { runServer } from './runServer.js';

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
  const started = await runServer(config).catch(fail);
  await started.stopped;
}
