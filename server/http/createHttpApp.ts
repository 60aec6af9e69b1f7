// The HTTP host: the bot endpoint, health, and whatever feature routers the composition root
// mounts (tab API, Graph webhooks). No state of its own; everything arrives in deps.
import express, { type Express, type Router } from 'express';
import type { Logger } from '../../graph/index.js';
import { accessLog } from './accessLog.js';
import { botRoute, type BotHttpAdapter, type BotRunner } from './botRoute.js';
import { errorHandler, notFound } from './errorHandler.js';
import { assignRequestId } from './requestId.js';

export interface HealthInfo {
  readonly mode: 'demo' | 'production';
  readonly version: string;
}

export interface HttpAppDependencies {
  readonly logger: Logger;
  readonly health: HealthInfo;
  /** The bot endpoint is mounted only when a bot is given (tests of other routes may omit it). */
  readonly bot?: { readonly adapter: BotHttpAdapter; readonly app: BotRunner };
  /** Feature routers, mounted in order after the bot endpoint. */
  readonly routers?: readonly Router[];
  /** Monotonic milliseconds for request durations; performance.now by default. */
  readonly elapsedMs?: () => number;
}

export function createHttpApp(deps: HttpAppDependencies): Express {
  const logger = deps.logger.child({ component: 'http' });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(assignRequestId);
  app.use(accessLog(logger, deps.elapsedMs ?? (() => performance.now())));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: deps.health.mode, version: deps.health.version });
  });
  if (deps.bot) app.use(botRoute(deps.bot, logger));
  for (const router of deps.routers ?? []) app.use(router);

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
