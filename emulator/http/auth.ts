// Bearer-token check on every Graph route: 401 for a missing or invalid token, 403 when the app
// lacks the application role the API needs, each with a Graph error body (§5.7).
import type { NextFunction, Request, Response } from 'express';
import type { TokenIssuer } from '../identity/tokens.js';
import { GraphHttpError } from './graphError.js';

export interface Caller {
  readonly appId: string;
  readonly roles: readonly string[];
}

export async function authenticate(issuer: TokenIssuer, req: Request): Promise<Caller> {
  const header = req.header('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  try {
    const verified = await issuer.verifyGraphToken(token);
    return { appId: verified.appId, roles: verified.isApp ? verified.roles : [] };
  } catch (error) {
    const reason = error instanceof Error && /exp/i.test(error.message) ? 'Lifetime validation failed, the token is expired.' : 'Access token validation failure. Invalid audience.';
    throw new GraphHttpError(401, 'InvalidAuthenticationToken', reason);
  }
}

/** Middleware: authenticates, then requires one of `anyOfRoles` (none = any valid app token). */
export function requireRoles(issuer: TokenIssuer, anyOfRoles: readonly string[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const caller = await authenticate(issuer, req);
    if (anyOfRoles.length > 0 && !anyOfRoles.some((r) => caller.roles.includes(r))) {
      throw new GraphHttpError(403, 'Forbidden', `Insufficient privileges to complete the operation. Requires one of the application permissions: ${anyOfRoles.join(', ')}.`);
    }
    res.locals.caller = caller;
    next();
  };
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}
