// One Graph API version tree (/v1.0 or /beta), mirroring Graph's URL layout:
//   /communications/callRecords/...   routes/communications/callRecords/
//   /subscriptions/...                routes/subscriptions/
//   /users/{id}                       routes/users/
//   /groups/{id}/members              routes/groups/
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { faultMiddleware, type FaultInjector } from '../http/faults.js';
import { GraphHttpError, requestIds, sendGraphError } from '../http/graphError.js';
import type { GraphVersion } from '../http/odata.js';
import type { RequestLog } from '../http/requestLog.js';
import { callRecordsRoutes } from './communications/callRecords/index.js';
import type { EmulatorState } from './context.js';
import { groupsRoutes } from './groups/index.js';
import { usersRoutes } from './users/index.js';

export interface GraphRouterDeps {
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  /** Mounts version-specific extras (subscriptions) without this module knowing them. */
  readonly extraRoutes?: (router: Router, version: GraphVersion) => void;
}

export function graphRouter(deps: GraphRouterDeps, version: GraphVersion): Router {
  const { state } = deps;
  const ctx = { ...state, version };
  const router = express.Router();
  const sendError = (req: Request, res: Response, status: number, code: string, message: string, innerCode?: string): void => sendGraphError(req, res, status, code, message, state.now(), innerCode);

  router.use(deps.requestLog.middleware());
  // Graph stamps every answer with a request-id (and echoes client-request-id) so calls can be traced.
  router.use((req, res, next) => {
    requestIds(req, res);
    next();
  });
  router.use(faultMiddleware(deps.faults, sendError));
  router.use('/communications/callRecords', callRecordsRoutes(ctx));
  router.use('/users', usersRoutes(ctx));
  router.use('/groups', groupsRoutes(ctx));
  deps.extraRoutes?.(router, version);

  router.use((req, res) => {
    const segment = req.path.split('/').filter(Boolean).pop() ?? '';
    sendError(req, res, 400, 'BadRequest', `Resource not found for the segment '${segment.slice(0, 80)}'.`);
  });
  // One error hook: typed errors answer with their status, anything else is a bare 500.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof GraphHttpError) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      if (error.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"');
      return sendError(req, res, error.status, error.code, error.message, error.innerCode);
    }
    if (isBodyParseError(error)) return sendError(req, res, 400, 'BadRequest', 'The request body is not valid JSON.');
    sendError(req, res, 500, 'InternalServerError', 'The emulator failed to handle the request.');
    state.log(`unexpected error on ${req.method} ${req.path}: ${error instanceof Error ? error.stack : String(error)}`);
  });
  return router;
}

function isBodyParseError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: string }).type === 'entity.parse.failed';
}
