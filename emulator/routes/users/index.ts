// GET /users/{id}: the few profile fields Call Doctor shows (names in cards and the tab).
// The emulator does not model User.Read.All: any valid app token may read users.
import express, { type Router } from 'express';
import { requireRoles } from '../../http/auth.js';
import { badRequest, notFound } from '../../http/graphError.js';
import { contextUrl, queryString } from '../../http/odata.js';
import { baseUrl, type RouteContext } from '../context.js';
import { installedAppsRoutes } from './installedApps.js';

const PROPERTIES = ['id', 'displayName', 'mail', 'userPrincipalName', 'givenName', 'surname', 'jobTitle'] as const;

export function usersRoutes(ctx: RouteContext): Router {
  const router = express.Router();
  router.use('/:id/teamwork/installedApps', installedAppsRoutes(ctx));
  router.get('/:id', requireRoles(ctx.issuer, []), (req, res) => {
    const id = String(req.params.id);
    const key = id.toLowerCase();
    const user = ctx.users.find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
    if (!user) throw notFound(`Resource '${id.slice(0, 80)}' does not exist or one of its queried reference-property objects are not present.`);
    const select = queryString(req, '$select')?.split(',').map((s) => s.trim()).filter(Boolean);
    for (const name of select ?? []) {
      if (!(PROPERTIES as readonly string[]).includes(name)) throw badRequest(`Could not find a property named '${name.slice(0, 60)}' on type 'microsoft.graph.user'.`);
    }
    const [givenName, ...rest] = user.displayName.split(' ');
    const full: Record<string, unknown> = { id: user.id, displayName: user.displayName, mail: user.mail, userPrincipalName: user.userPrincipalName, givenName, surname: rest.join(' ') || null, jobTitle: null };
    const fields = select ?? ['displayName', 'mail', 'userPrincipalName', 'givenName', 'surname', 'jobTitle', 'id'];
    const fragment = select ? `users(${select.join(',')})/$entity` : 'users/$entity';
    res.json({ '@odata.context': contextUrl(baseUrl(req), ctx.version, fragment), ...Object.fromEntries(fields.map((f) => [f, full[f]])) });
  });
  return router;
}
