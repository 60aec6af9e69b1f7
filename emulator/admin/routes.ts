// /_emulator/...: controls that are not part of Graph (clearly outside the /v1.0 and /beta trees).
// Unauthenticated on purpose: the emulator listens on loopback only and is never deployed.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { DEFAULT_USER_TOKEN_AUDIENCE } from '../controls.js';
import { buildGroups } from '../data/groups.js';
import type { GroundTruth } from '../data/groundTruth.js';
import type { FaultInjector, FaultSpec } from '../http/faults.js';
import { baseUrlOf } from '../identity/routes.js';
import { ROLE_CALL_RECORDS, ROLE_PSTN_CALLS } from '../identity/tokens.js';
import type { SubscriptionManager } from '../notifications/subscriptions.js';
import type { EmulatorState } from '../routes/context.js';
import { isObject, type JsonObject } from '../store/json.js';
import { RecordValidationError } from '../store/recordStore.js';
import { appendableRows } from '../store/reportStore.js';

export interface AdminDeps {
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly subscriptions: SubscriptionManager;
  readonly groundTruth: () => readonly GroundTruth[];
}

class AdminError extends Error {}

export function adminRoutes(deps: AdminDeps): Router {
  const { state } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '20mb' }));

  /** Add a call record, or revise one with the same id (version + 1); fires notifications. */
  router.post('/records', (req, res) => {
    const change = state.records.upsert(req.body);
    res.status(change.changeType === 'created' ? 201 : 200).json({ id: change.id, version: change.version, changeType: change.changeType });
  });

  /** Appends rows to one report (getPstnCalls, getDirectRoutingCalls, getSmsLog, getPstnBlockedUsersLog). */
  router.post('/reports/:kind', (req, res) => {
    const target = appendableRows(state.reports, String(req.params.kind));
    if (!target) throw new AdminError(`Unknown report '${String(req.params.kind).slice(0, 60)}'. Use getPstnCalls, getDirectRoutingCalls, getSmsLog or getPstnBlockedUsersLog.`);
    if (!Array.isArray(req.body) || !req.body.every(isObject)) throw new AdminError('Body must be an array of row objects.');
    target.push(...(req.body as JsonObject[]));
    res.status(204).end();
  });

  /** Sends a reauthorizationRequired lifecycle notification for a subscription now. */
  router.post('/subscriptions/:id/reauthorization-required', (req, res) => {
    if (!deps.subscriptions.sendLifecycleEvent(String(req.params.id))) throw new AdminError('No such subscription, or it has no lifecycleNotificationUrl.');
    res.status(202).end();
  });

  router.get('/notifications', (_req, res) => {
    res.json(deps.subscriptions.deliveries());
  });

  router.get('/ground-truth', (_req, res) => {
    res.json(deps.groundTruth());
  });

  router.put('/throttling', (req, res) => {
    const enabled = isObject(req.body) ? req.body.enabled : undefined;
    if (typeof enabled !== 'boolean') throw new AdminError('Body must be {"enabled": true|false}.');
    state.throttle.setEnabled(enabled);
    res.json({ enabled });
  });

  router.post('/faults', (req, res) => {
    const specs = Array.isArray(req.body) ? req.body : [req.body];
    for (const spec of specs) if (!isObject(spec)) throw new AdminError('Body must be a fault object or an array of them.');
    deps.faults.inject(specs as FaultSpec[]);
    res.status(204).end();
  });

  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.status(204).end();
  });

  /** An app token with exactly the given roles (e.g. [] or ["CallRecord-PstnCalls.Read.All"]) for 403 tests. */
  router.post('/tokens/app', async (req, res) => {
    const roles = isObject(req.body) && Array.isArray(req.body.roles) ? req.body.roles.filter((r): r is string => typeof r === 'string') : [ROLE_CALL_RECORDS, ROLE_PSTN_CALLS];
    const clientId = isObject(req.body) && typeof req.body.clientId === 'string' ? req.body.clientId : 'emulator-admin-issued';
    const token = await state.issuer.issueAppToken({ clientId, clientSecret: '', roles }, `${baseUrlOf(req)}/${state.tenantId}/v2.0`);
    res.json({ token_type: 'Bearer', access_token: token, roles });
  });

  /** A user token (oid, tid, aud, scp, name) as the tab's SSO would get in Teams. */
  router.post('/tokens/user', async (req, res) => {
    const body = isObject(req.body) ? req.body : {};
    const userId = typeof body.userId === 'string' ? body.userId : undefined;
    const user = state.users.find((u) => u.id === userId || u.userPrincipalName === userId);
    if (!user) throw new AdminError(`Unknown user '${String(userId).slice(0, 80)}'. Pass {"userId": "<id or UPN of a tenant user>"}.`);
    const audience = typeof body.audience === 'string' ? body.audience : DEFAULT_USER_TOKEN_AUDIENCE;
    const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : ['access_as_user'];
    const roles = Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [];
    const token = await state.issuer.issueUserToken({ oid: user.id, name: user.displayName, preferredUsername: user.userPrincipalName, audience, scopes, roles }, `${baseUrlOf(req)}/${state.tenantId}/v2.0`);
    res.json({ token_type: 'Bearer', access_token: token, expires_in: 3599 });
  });

  /** Registers another app (client id, secret, roles) that can use the token endpoint. */
  router.post('/apps', (req, res) => {
    const body = isObject(req.body) ? req.body : {};
    if (typeof body.clientId !== 'string' || typeof body.clientSecret !== 'string' || !Array.isArray(body.roles)) {
      throw new AdminError('Body must be {"clientId": string, "clientSecret": string, "roles": string[]}.');
    }
    state.apps.register({ clientId: body.clientId, clientSecret: body.clientSecret, roles: body.roles.filter((r): r is string => typeof r === 'string') });
    res.status(201).json({ clientId: body.clientId });
  });

  router.get('/users', (_req, res) => {
    res.json(state.users);
  });

  router.get('/groups', (_req, res) => {
    res.json(buildGroups(state.users));
  });

  router.get('/installed-apps', (_req, res) => {
    res.json(state.installedApps.all());
  });

  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof AdminError || error instanceof RecordValidationError) return res.status(400).json({ error: error.message });
    if (typeof error === 'object' && error !== null && (error as { type?: string }).type === 'entity.parse.failed') return res.status(400).json({ error: 'The request body is not valid JSON.' });
    state.log(`admin route failed: ${error instanceof Error ? error.message : String(error)}`);
    res.status(500).json({ error: 'The emulator failed to handle the request.' });
  });
  return router;
}
