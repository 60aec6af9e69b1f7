import { loadConfig, type AppConfig } from './loadConfig.js';

/** The one place in Call Doctor that reads the process environment. */
export function loadConfigFromProcess(argv: readonly string[] = process.argv.slice(2)): AppConfig {
  return loadConfig(process.env, argv);
}
