// Errors that know their answer, and the router's one error hook, which turns them (and graph/'s
// failures) into the contract's JSON error shape. Messages never carry personal data.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { GraphError, GraphInputError, GraphThrottledError, type Logger } from '../../graph/index.js';
import { AuthorityUnavailableError } from './auth/tokenValidator.js';
import type { ApiError, ApiErrorCode } from './contract.js';

export class ApiHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiHttpError';
  }
}

export const notFound = (message = 'There is no such call, or it is not one of yours.'): ApiHttpError => new ApiHttpError(404, 'not_found', message);
export const badRequest = (message: string): ApiHttpError => new ApiHttpError(400, 'bad_request', message);
export const forbidden = (message: string): ApiHttpError => new ApiHttpError(403, 'forbidden', message);
export const unauthorized = (message: string): ApiHttpError =>
  // Header values must be printable ASCII (RFC 6750 error_description).
  new ApiHttpError(401, 'unauthorized', message, { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '')}"` });

function toApiError(error: unknown): ApiHttpError | null {
  if (error instanceof ApiHttpError) return error;
  if (error instanceof AuthorityUnavailableError) return new ApiHttpError(503, 'unavailable', error.message, { 'Retry-After': '5' });
  if (error instanceof GraphInputError) return badRequest(error.message);
  if (error instanceof GraphThrottledError) {
    const after = String(error.retryAfterSeconds ?? 10);
    return new ApiHttpError(503, 'unavailable', `Microsoft Graph is busy; try again in ${after} seconds.`, { 'Retry-After': after });
  }
  if (error instanceof GraphError) return new ApiHttpError(503, 'unavailable', 'Call Doctor cannot read Microsoft Graph right now; try again in a moment.', { 'Retry-After': '10' });
  // express's own 4xx: a path parameter that is not valid percent-encoding (%C0%AE), a body the
  // JSON parser refuses or that is too large. Its message names express internals: answer our own.
  if (isClientError(error)) return error.status === 413 ? new ApiHttpError(413, 'bad_request', 'The request body is too large.') : badRequest('The request could not be read: check the encoding of its path, parameters and body.');
  return null;
}

function isClientError(error: unknown): error is { status: number } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const known = toApiError(error);
    if (known) logger.info({ status: known.status, code: known.code, error: error instanceof Error ? error.name : 'unknown' }, 'tab API request refused');
    else logger.error({ err: error }, 'tab API request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    const answer = known ?? new ApiHttpError(500, 'internal', 'Something went wrong on our side. Try again in a moment.');
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    const body: ApiError = { error: { code: answer.code, message: answer.message } };
    res.status(answer.status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new ApiHttpError(404, 'not_found', `No API route for ${req.method} ${req.baseUrl}${req.path}.`));
};
