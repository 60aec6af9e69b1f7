export { loadConfig, ConfigError, DEMO_TENANT_ID, DEMO_CLIENT_ID, DEMO_TAB_CLIENT_ID } from './loadConfig.js';
export type { AppConfig, TabSettings, GraphSettings, GraphAuth, StoreSettings, DemoSettings, LogLevel, BotAppType, Env } from './loadConfig.js';
export { loadConfigFromProcess } from './fromProcess.js';
export { VARIABLES } from './variables.js';
export { childEnvironment } from './childEnvironment.js';
