// Graph requests described as data. Services build these; the executor runs them, so paging,
// budget, retries, timeouts, errors and the base URL live in one place.
import type { BucketRef } from '../budget/buckets.js';

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type GraphVersion = 'v1.0' | 'beta';

export interface GraphRequest {
  readonly method: GraphMethod;
  readonly version: GraphVersion;
  /** Path under the version, query included, e.g. "/communications/callRecords?$filter=...". */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The budget buckets this request (and each page it leads to) counts against. */
  readonly buckets: readonly BucketRef[];
  /** What logs show: the path with ids only, never the query. */
  readonly logPath: string;
}

/** The next page of a request: the link Graph gave, followed verbatim (nextLinks are opaque). */
export function nextPage(request: GraphRequest, nextLink: string): GraphRequest & { readonly absoluteUrl: string } {
  return { ...request, method: 'GET', body: undefined, absoluteUrl: nextLink, logPath: `${request.logPath} (next page)` };
}
