// The helpdesk's routes (app role CallDoctor.Helpdesk): look a user up by UPN, read the audit log,
// and the tenant's phone reports (Direct Routing health, blocked users, SMS failures, dial-out),
// each read audited, as JSON or (format=csv) CSV.
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { badRequest, forbidden, notFound } from '../apiError.js';
import { callerOf } from '../auth/requireUser.js';
import { ADMIN_ROLE, type AuditLogResponse, type HelpdeskUserResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';
import { sendCsv, toCsv } from '../phone/csv.js';
import {
  BLOCKED_COLUMNS,
  blockedUsersReport,
  DIALOUT_COLUMNS,
  dialoutReport,
  SMS_FAILURE_COLUMNS,
  smsFailuresReport,
  TRUNK_COLUMNS,
  trunkHealthReport,
} from '../phone/helpdeskPhone.js';
import { parsePeriod, type Period } from '../phone/period.js';

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

  phoneReport(router, deps, 'trunks', trunkHealthReport, (b) => toCsv(TRUNK_COLUMNS, b.trunks));
  phoneReport(router, deps, 'blocked', blockedUsersReport, (b) => toCsv(BLOCKED_COLUMNS, b.users));
  phoneReport(router, deps, 'sms-failures', smsFailuresReport, (b) => toCsv(SMS_FAILURE_COLUMNS, b.failures));
  phoneReport(router, deps, 'dialout', dialoutReport, (b) => toCsv(DIALOUT_COLUMNS, b.destinations));

  return router;
}

function phoneReport<T extends { from: string; to: string }>(
  router: Router,
  deps: TabApiDependencies,
  name: string,
  build: (deps: TabApiDependencies, period: Period) => Promise<T>,
  csv: (body: T) => string,
): void {
  router.get(`/helpdesk/phone/${name}`, async (req: Request, res: Response) => {
    const caller = callerOf(res);
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw badRequest('format must be json or csv.');
    const period = parsePeriod(req.query as Record<string, unknown>, deps.now());
    const body = await build(deps, period);
    await deps.audit.record(caller.tenantId, { actorId: caller.userId, actorName: caller.displayName, subjectId: 'tenant', callId: `phone:${name}`, action: 'readPhoneReport' });
    if (format === 'csv') sendCsv(res, `${name}-${body.from}-${body.to}`, csv(body));
    else res.json(body);
  });
}

