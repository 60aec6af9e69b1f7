// Graph-shaped error bodies (graph-callrecords.md §4): every 4xx/5xx the emulator answers on a
// Graph route looks like the real service's, so product code is tested against the real shape.
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

export interface GraphErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly innerError: { readonly code?: string; readonly 'request-id': string; readonly date: string; readonly 'client-request-id': string };
  };
}

/** Graph stamps every response with a request-id; clients echo client-request-id if they sent one. */
export function requestIds(req: Request, res: Response): { requestId: string; clientRequestId: string } {
  const existing = res.getHeader('request-id');
  const requestId = typeof existing === 'string' ? existing : randomUUID();
  const sent = req.header('client-request-id');
  const clientRequestId = sent && /^[\w-]{1,64}$/.test(sent) ? sent : requestId;
  res.setHeader('request-id', requestId);
  res.setHeader('client-request-id', clientRequestId);
  return { requestId, clientRequestId };
}

/** `innerCode` is the inner error's code, which Graph sends for some errors (throttledRequest under a 429). */
export function sendGraphError(req: Request, res: Response, status: number, code: string, message: string, now: Date, innerCode?: string): void {
  const { requestId, clientRequestId } = requestIds(req, res);
  const date = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const body: GraphErrorBody = {
    error: { code, message, innerError: { ...(innerCode !== undefined && { code: innerCode }), 'request-id': requestId, date, 'client-request-id': clientRequestId } },
  };
  res.status(status).type('application/json').send(JSON.stringify(body));
}

/** Thrown by route handlers; the Graph router's error hook turns it into a Graph error body. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

/** Graph's documented throttling answer (graph-callrecords.md §8): 429, activityLimitReached, inner throttledRequest, Retry-After. */
export const THROTTLED_CODE = 'activityLimitReached';
export const THROTTLED_INNER_CODE = 'throttledRequest';
export const throttled = (retryAfterSeconds: number, message: string): GraphHttpError =>
  new GraphHttpError(429, THROTTLED_CODE, message, { 'Retry-After': String(retryAfterSeconds) }, THROTTLED_INNER_CODE);

export const badRequest = (message: string): GraphHttpError => new GraphHttpError(400, 'BadRequest', message);
export const notFound = (message: string): GraphHttpError => new GraphHttpError(404, 'NotFound', message);
