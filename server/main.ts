// Entry point of `npm start`. Validates the configuration once; the composition root that
// wires the bot, the tab's API, the alerts and demo mode grows here.
import { ConfigError, loadConfigFromProcess } from './config/index.js';

try {
  const config = loadConfigFromProcess();
  console.log(`Call Doctor: configuration is valid (${config.mode} mode). There is nothing to serve yet.`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Call Doctor cannot start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
