// GET /groups/{id}/members: a team's members as directoryObjects (users here), paged with $top and
// an opaque $skiptoken like Graph. Needs GroupMember.Read.All (or Group.Read.All, Directory.Read.All).
import express, { type Router } from 'express';
import { buildGroups } from '../../data/groups.js';
import { requireRoles } from '../../http/auth.js';
import { badRequest, notFound } from '../../http/graphError.js';
import { contextUrl, decodeOffsetToken, encodeSkipToken, nextLinkFor, queryString } from '../../http/odata.js';
import { ROLE_GROUP_MEMBERS } from '../../identity/tokens.js';
import { baseUrl, type RouteContext } from '../context.js';

const PROPERTIES = ['id', 'displayName', 'userPrincipalName', 'mail', 'givenName', 'surname', 'jobTitle'] as const;
const MAX_TOP = 999;
const DEFAULT_TOP = 100;

export function groupsRoutes(ctx: RouteContext): Router {
  const router = express.Router();
  const groups = buildGroups(ctx.users);
  router.get('/:id/members', requireRoles(ctx.issuer, [ROLE_GROUP_MEMBERS, 'Group.Read.All', 'Directory.Read.All']), (req, res) => {
    const id = String(req.params.id).toLowerCase();
    const group = groups.find((g) => g.id === id);
    if (!group) throw notFound(`Resource '${String(req.params.id).slice(0, 80)}' does not exist or one of its queried reference-property objects are not present.`);
    const select = queryString(req, '$select')?.split(',').map((s) => s.trim()).filter(Boolean);
    for (const name of select ?? []) {
      if (!(PROPERTIES as readonly string[]).includes(name)) throw badRequest(`Could not find a property named '${name.slice(0, 60)}' on type 'microsoft.graph.directoryObject'.`);
    }
    const topText = queryString(req, '$top');
    const top = topText === undefined ? DEFAULT_TOP : Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) throw badRequest(`Invalid page size specified: '${String(topText).slice(0, 20)}'. Must be between 1 and ${MAX_TOP} inclusive.`);
    const offset = decodeOffsetToken(queryString(req, '$skiptoken'));
    const members = group.memberIds.map((memberId) => ctx.users.find((u) => u.id === memberId)).filter((u) => u !== undefined);
    const page = members.slice(offset, offset + top).map((user) => {
      const [givenName, ...rest] = user.displayName.split(' ');
      const full: Record<string, unknown> = { id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName, mail: user.mail, givenName, surname: rest.join(' ') || null, jobTitle: null };
      const fields = select ?? PROPERTIES;
      return { '@odata.type': '#microsoft.graph.user', ...Object.fromEntries(fields.map((f) => [f, full[f]])) };
    });
    const base = baseUrl(req);
    const more = offset + top < members.length;
    res.json({
      '@odata.context': contextUrl(base, ctx.version, select ? `directoryObjects(${select.join(',')})` : 'directoryObjects'),
      ...(more ? { '@odata.nextLink': nextLinkFor(base, req, { $skiptoken: encodeSkipToken(String(offset + top)) }) } : {}),
      value: page,
    });
  });
  return router;
}
