// Per-request state shared by Call Doctor's middlewares: who is waiting (priority), which budget
// buckets the request counts against, the caller's abort signal, and what went wrong last, so
// the executor can raise a precise typed error. Passed through the SDK as a middleware option.
import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { Context } from '@microsoft/microsoft-graph-client';
import type { BucketRef } from '../budget/buckets.js';
import type { Priority } from '../contract.js';

export type AttemptFailure = 'timeout' | 'connection';

export interface ResponseFacts {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
}

export class GraphRequestContext implements MiddlewareOptions {
  attempts = 0;
  lastFailure: AttemptFailure | undefined;
  lastResponse: ResponseFacts | undefined;
  /** Set when the budget turned the request away (the SDK would otherwise re-wrap that error). */
  budgetRejection: Error | undefined;

  constructor(
    readonly priority: Priority,
    readonly buckets: readonly BucketRef[],
    /** The path with ids only, for logs: never a query string (filters, dates) or a token. */
    readonly logPath: string,
    readonly signal: AbortSignal | undefined,
  ) {}
}

/** The request's context; a request sent without one (not through the executor) counts as interactive and unbudgeted. */
export function requestContextOf(context: Context): GraphRequestContext {
  const option = context.middlewareControl?.getMiddlewareOptions(GraphRequestContext);
  if (option instanceof GraphRequestContext) return option;
  const fresh = new GraphRequestContext('interactive', [], '(unlabelled request)', undefined);
  context.middlewareControl?.setMiddlewareOptions(GraphRequestContext, fresh);
  return fresh;
}

export function methodOf(context: Context): string {
  return methodOfRequest(context.request, context.options);
}

export function methodOfRequest(request: Context['request'], options: Context['options']): string {
  return (typeof request === 'string' ? options?.method : request.method)?.toUpperCase() ?? 'GET';
}

/**
 * POST is never sent twice: a 503/504 or a dropped connection does not prove it was not applied,
 * and repeating it could create a duplicate subscription (the create path resolves 409 instead).
 */
export function mayRepeat(request: Context['request'], options: Context['options']): boolean {
  return methodOfRequest(request, options) !== 'POST';
}

/** Retry-After is seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

export function responseFacts(response: Response, now: Date): ResponseFacts {
  return {
    status: response.status,
    requestId: response.headers.get('request-id') ?? response.headers.get('client-request-id') ?? undefined,
    retryAfterMs: retryAfterMs(response.headers, now),
  };
}
