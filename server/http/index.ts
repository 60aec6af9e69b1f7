export { createHttpApp, type HttpAppDependencies, type HealthInfo } from './createHttpApp.js';
export { HttpError } from './httpError.js';
export { listen, type RunningServer } from './listen.js';
export type { BotHttpAdapter, BotRunner } from './botRoute.js';
