// The tab's HTTP API: a router the server mounts at the root; every route lives under /api and
// every one but the demo sign-in needs a validated bearer token.
import express, { type Router } from 'express';
import type { TabApiDependencies } from './dependencies.js';
import { apiErrorHandler, apiNotFound } from './apiError.js';
import { requireUser } from './auth/requireUser.js';
import { adminRoutes } from './routes/adminRoutes.js';
import { callRoutes } from './routes/callRoutes.js';
import { demoRoutes } from './routes/demoRoutes.js';
import { helpdeskRoutes } from './routes/helpdeskRoutes.js';
import { meRoutes } from './routes/meRoutes.js';

/** Paths under /api this router does not own (the bot endpoint, Graph notifications). */
const NOT_OURS = ['/messages', '/notifications'];

export function createTabApi(deps: TabApiDependencies): Router {
  const logger = deps.logger.child({ component: 'tab-api' });
  const api = express.Router();
  api.use((req, res, next) => {
    // Answers are per user: never cached by a proxy.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(demoRoutes(deps.demo));
  api.use(requireUser(deps.validateToken));
  api.use(meRoutes(deps));
  api.use(callRoutes(deps));
  api.use(helpdeskRoutes(deps));
  api.use(adminRoutes(deps));
  api.use(apiNotFound);
  api.use(apiErrorHandler(logger));

  const root = express.Router();
  root.use('/api', (req, res, next) => (NOT_OURS.some((p) => req.path === p || req.path.startsWith(`${p}/`)) ? next('router') : api(req, res, next)));
  return root;
}
