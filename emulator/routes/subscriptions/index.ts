// /subscriptions[/{id}] and /subscriptions/{id}/reauthorize for call records (§7.1).
import express, { type Router } from 'express';
import { callerOf, requireRoles } from '../../http/auth.js';
import { contextUrl } from '../../http/odata.js';
import { ROLE_CALL_RECORDS } from '../../identity/tokens.js';
import type { SubscriptionManager } from '../../notifications/subscriptions.js';
import { baseUrl, type RouteContext } from '../context.js';

export function subscriptionsRoutes(ctx: RouteContext, subscriptions: SubscriptionManager): Router {
  const router = express.Router();
  router.use(requireRoles(ctx.issuer, [ROLE_CALL_RECORDS]));
  router.use(express.json({ limit: '64kb' }));
  const entity = (req: express.Request, body: Record<string, unknown>): Record<string, unknown> => ({ '@odata.context': contextUrl(baseUrl(req), ctx.version, 'subscriptions/$entity'), ...body });

  router.post('/', async (req, res) => {
    const created = await subscriptions.create(req.body, callerOf(res).appId);
    res.status(201).json(entity(req, created));
  });
  router.get('/', (req, res) => {
    res.json({ '@odata.context': contextUrl(baseUrl(req), ctx.version, 'subscriptions'), value: subscriptions.list(callerOf(res).appId) });
  });
  router.get('/:id', (req, res) => {
    res.json(entity(req, subscriptions.get(req.params.id, callerOf(res).appId)));
  });
  router.patch('/:id', (req, res) => {
    res.json(entity(req, subscriptions.update(req.params.id, callerOf(res).appId, req.body)));
  });
  router.delete('/:id', (req, res) => {
    subscriptions.remove(req.params.id, callerOf(res).appId);
    res.status(204).end();
  });
  router.post('/:id/reauthorize', (req, res) => {
    subscriptions.reauthorize(req.params.id, callerOf(res).appId);
    res.status(204).end();
  });
  return router;
}
