// POST /users/{id}/teamwork/installedApps {"teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}"}
// installs a catalog app in the user's personal scope: 201 with no body, 409 Conflict when it is
// already installed, as Graph answers. GET lists the user's installations. Both need
// TeamsAppInstallation.ReadWriteForUser.All (or a broader TeamsAppInstallation permission).
// Real Teams then sends the bot an installationUpdate from the user's personal chat; the emulator,
// being Graph only, does not.
import express, { type Router } from 'express';
import { requireRoles } from '../../http/auth.js';
import { badRequest, notFound } from '../../http/graphError.js';
import { GraphHttpError } from '../../http/graphError.js';
import { contextUrl } from '../../http/odata.js';
import { ROLE_APP_INSTALL_FOR_USER } from '../../identity/tokens.js';
import { baseUrl, type RouteContext } from '../context.js';

const ROLES = [ROLE_APP_INSTALL_FOR_USER, 'TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteAndConsentForUser.All'];
const BIND = /\/appCatalogs\/teamsApps\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function installedAppsRoutes(ctx: RouteContext): Router {
  const router = express.Router({ mergeParams: true });
  const userOf = (id: string) => {
    const key = id.toLowerCase();
    const user = ctx.users.find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
    if (!user) throw notFound(`User '${id.slice(0, 80)}' does not exist or one of its queried reference-property objects are not present.`);
    return user;
  };

  router.post('/', requireRoles(ctx.issuer, ROLES), express.json({ limit: '16kb' }), (req, res) => {
    const user = userOf(String(req.params.id));
    const bind: unknown = (req.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    if (typeof bind !== 'string') throw badRequest("The request body must carry 'teamsApp@odata.bind'.");
    const app = BIND.exec(bind);
    if (!app) throw badRequest("'teamsApp@odata.bind' must name https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}.");
    if (!ctx.installedApps.install(user.id, app[1]!, ctx.now())) {
      throw new GraphHttpError(409, 'Conflict', 'App is already installed for this user.', {});
    }
    ctx.log(`installed Teams app ${app[1]!.slice(0, 36)} for a user`);
    res.status(201).end();
  });

  router.get('/', requireRoles(ctx.issuer, ROLES), (req, res) => {
    const user = userOf(String(req.params.id));
    res.json({
      '@odata.context': contextUrl(baseUrl(req), ctx.version, `users('${user.id}')/teamwork/installedApps`),
      value: ctx.installedApps.list(user.id).map((i) => ({ id: i.id, teamsApp: { id: i.teamsAppId } })),
    });
  });
  return router;
}
