// Bearer authentication for every tab API route: no token or a bad one is a 401 with the reason.
import type { RequestHandler, Response } from 'express';
import { unauthorized } from '../apiError.js';
import { TokenRejectedError, type Caller, type TokenValidator } from './tokenValidator.js';

export function requireUser(validate: TokenValidator): RequestHandler {
  return (req, res, next) => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(unauthorized('Sign in: this API needs a bearer token in the Authorization header.'));
    validate(match[1]!).then(
      (caller) => {
        res.locals.caller = caller;
        next();
      },
      (error: unknown) => next(error instanceof TokenRejectedError ? unauthorized(error.message) : error),
    );
  };
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}
