import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../graph/index.js';
import { HttpError, toHttpError, type ErrorBody } from './httpError.js';
import { requestIdOf } from './requestId.js';

/** The one error hook: known errors get their status and message, anything else a bare 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = requestIdOf(res);
    const known = toHttpError(error);
    if (known) {
      logger.info({ requestId, status: known.status, code: known.code }, 'request rejected');
    } else {
      logger.error({ requestId, err: error }, 'unhandled error while serving a request');
    }
    if (res.headersSent) {
      // Too late to send an error body; end the response so the client is not left hanging.
      res.end();
      return;
    }
    const answer = known ?? new HttpError(500, 'internal_error', 'Something went wrong on our side. Try again in a moment.');
    const body: ErrorBody = { error: { code: answer.code, message: answer.message, requestId } };
    res.status(answer.status).json(body);
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}.`));
};
