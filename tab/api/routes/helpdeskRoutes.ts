// The helpdesk's routes (app role CallDoctor.Helpdesk): look a user up by UPN, read the audit log.
import express, { type RequestHandler, type Router } from 'express';
import { badRequest, forbidden, notFound } from '../apiError.js';
import { callerOf } from '../auth/requireUser.js';
import { ADMIN_ROLE, type AuditLogResponse, type HelpdeskUserResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';

const UPN = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,190}$/;

const requireHelpdesk: RequestHandler = (_req, res, next) => {
  const caller = callerOf(res);
  next(caller.helpdesk || caller.roles.includes(ADMIN_ROLE) ? undefined : forbidden('This needs the CallDoctor.Helpdesk app role.'));
};

export function helpdeskRoutes(deps: TabApiDependencies): Router {
  const router = express.Router();
  router.use('/helpdesk', requireHelpdesk);

  router.get('/helpdesk/users', async (req, res) => {
    const caller = callerOf(res);
    const upn = req.query.upn;
    if (typeof upn !== 'string' || !UPN.test(upn)) throw badRequest('upn must be a user principal name such as alex@contoso.com.');
    const user = await deps.directory.findUser(upn, { priority: 'interactive' });
    if (!user) throw notFound('There is no user with that user principal name.');
    await deps.audit.record(caller.tenantId, { actorId: caller.userId, actorName: caller.displayName, subjectId: user.id, callId: null, action: 'lookupUser' });
    const body: HelpdeskUserResponse = { id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName ?? upn };
    res.json(body);
  });

  router.get('/helpdesk/audit', async (req, res) => {
    const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit must be a whole number from 1 to 500.');
    const body: AuditLogResponse = { entries: await deps.audit.recent(callerOf(res).tenantId, limit) };
    res.json(body);
  });

  return router;
}
