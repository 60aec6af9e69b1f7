import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import type { Priority, RequestOptions } from '../contract.js';
import { GraphError } from '../errors.js';
import { nextPage, type GraphRequest } from './graphRequest.js';
import { mapGraphError } from './mapGraphError.js';
import { GraphRequestContext, mayRepeat, retryAfterMs } from './requestContext.js';

export interface RetryPolicy {
  readonly retryDelaySeconds: number;
  readonly maxRetries: number;
  /** A person is not kept waiting longer than this for a Retry-After; they get a GraphThrottledError saying when to retry. */
  readonly maxInteractiveRetryWaitSeconds: number;
}

/** A page of an OData collection. */
export interface ODataPage<T> {
  readonly value: T[];
  readonly '@odata.nextLink'?: string;
}

/** Runs described requests through the one Graph client. */
export class GraphExecutor {
  constructor(
    private readonly client: Client,
    private readonly retry: RetryPolicy,
    private readonly now: () => Date,
  ) {}

  /** Sends one request; `absoluteUrl` (a nextLink) is sent as given. Throws graph/errors.ts errors. */
  async send<T>(request: GraphRequest & { readonly absoluteUrl?: string }, options: RequestOptions = {}): Promise<T> {
    const context = new GraphRequestContext(options.priority ?? 'interactive', request.buckets, request.logPath, options.signal);
    let api = this.client.api(request.absoluteUrl ?? request.path).middlewareOptions([context, this.retryOptions(context.priority)]);
    // An absolute link names its own version; overriding it would rewrite the link.
    if (request.absoluteUrl === undefined) api = api.version(request.version);
    if (request.headers) api = api.headers({ ...request.headers });
    if (options.signal) api = api.option('signal', options.signal);
    try {
      switch (request.method) {
        case 'GET':
          return (await api.get()) as T;
        case 'POST':
          return (await api.post(request.body ?? {})) as T;
        case 'PATCH':
          return (await api.patch(request.body ?? {})) as T;
        case 'DELETE':
          return (await api.delete()) as T;
      }
    } catch (error) {
      throw mapGraphError(error, context);
    }
  }

  private retryOptions(priority: Priority): RetryHandlerOptions {
    const capMs = this.retry.maxInteractiveRetryWaitSeconds * 1000;
    return new RetryHandlerOptions(this.retry.retryDelaySeconds, this.retry.maxRetries, (_delay, _attempt, request, options, response) => {
      if (!mayRepeat(request, options)) return false;
      if (priority === 'background') return true;
      const wait = retryAfterMs(response.headers, this.now());
      return wait === undefined || wait <= capMs;
    });
  }

  /** Every item of a collection, following @odata.nextLink verbatim to the last page. */
  async all<T>(request: GraphRequest, options: RequestOptions = {}): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages<T>(request, options)) items.push(...page);
    return items;
  }

  async *pages<T>(request: GraphRequest, options: RequestOptions = {}): AsyncGenerator<T[]> {
    let page = await this.send<ODataPage<T>>(request, options);
    yield asArray(page.value);
    const seen = new Set<string>();
    for (let link = page['@odata.nextLink']; link; link = page['@odata.nextLink']) {
      // A service that hands out the same link twice would otherwise loop forever.
      if (seen.has(link)) throw new GraphError(`Microsoft Graph returned the same next link twice for ${request.logPath}`, 502, 'PagingLoop', undefined);
      seen.add(link);
      page = await this.send<ODataPage<T>>(nextPage(request, link), options);
      yield asArray(page.value);
    }
  }
}

export function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
