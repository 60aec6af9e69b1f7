// Admin routes (helpdesk or CallDoctor.Admin): the alert work that kept failing, with its reasons.
import express, { type Router } from 'express';
import { badRequest, forbidden, notFound } from '../apiError.js';
import { callerOf } from '../auth/requireUser.js';
import { ADMIN_ROLE, type PoisonedAlertsResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';

export function adminRoutes(deps: TabApiDependencies): Router {
  const router = express.Router();
  router.use('/admin', (_req, res, next) => {
    const caller = callerOf(res);
    next(caller.helpdesk || caller.roles.includes(ADMIN_ROLE) ? undefined : forbidden('This needs the CallDoctor.Helpdesk or CallDoctor.Admin app role.'));
  });

  router.get('/admin/alerts/poison', async (req, res) => {
    if (!deps.poisonedAlerts) throw notFound('The alert pipeline is not running on this server.');
    const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit must be a whole number from 1 to 500.');
    const body: PoisonedAlertsResponse = { entries: await deps.poisonedAlerts.recent(limit) };
    res.json(body);
  });
  return router;
}
