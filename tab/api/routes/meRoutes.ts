// GET /api/me (who am I, my roles), GET /api/me/quality and GET /api/teams/{groupId}/quality.
import express, { type Router } from 'express';
import { badRequest, notFound } from '../apiError.js';
import { callerOf } from '../auth/requireUser.js';
import type { MeResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';
import { myQualityView } from '../quality/myQualityView.js';
import { createTeamQualityCache, TEAM_PERIODS, teamQualityView } from '../quality/teamQualityView.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function timeZoneOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length <= 64) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return value;
    } catch {
      // fall through
    }
  }
  throw badRequest('tz must be an IANA time zone such as Europe/Berlin.');
}

export function meRoutes(deps: TabApiDependencies): Router {
  const router = express.Router();
  const teamCache = createTeamQualityCache();

  router.get('/me', (_req, res) => {
    const caller = callerOf(res);
    const body: MeResponse = { id: caller.userId, displayName: caller.displayName, userPrincipalName: caller.userPrincipalName, tenantId: caller.tenantId, roles: caller.roles, helpdesk: caller.helpdesk, demo: deps.mode === 'demo' };
    res.json(body);
  });

  router.get('/me/quality', async (req, res) => {
    res.json(await myQualityView(deps, callerOf(res).userId, timeZoneOf(req.query.tz)));
  });

  router.get('/teams/:groupId/quality', async (req, res) => {
    const groupId = String(req.params.groupId);
    if (!GUID.test(groupId)) throw notFound('There is no such team, or you are not one of its members.');
    const days = req.query.days === undefined ? 30 : Number(req.query.days);
    if (!(TEAM_PERIODS as readonly number[]).includes(days)) throw badRequest(`days must be one of ${TEAM_PERIODS.join(', ')}.`);
    res.json(await teamQualityView(deps, teamCache, callerOf(res), groupId, days));
  });

  return router;
}
