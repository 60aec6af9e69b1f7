import type { TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, RetryHandler, RetryHandlerOptions, TelemetryHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { graphScope } from '../auth/createCredential.js';
import type { GraphBudget } from '../budget/graphBudget.js';
import type { Logger } from '../logger.js';
import { BudgetHandler } from './budgetHandler.js';
import { ConnectionRetryHandler } from './connectionRetryHandler.js';
import { FetchHandler } from './fetchHandler.js';
import { FreshTokenHandler } from './freshTokenHandler.js';
import { mayRepeat } from './requestContext.js';
import { RequestLogHandler } from './requestLogHandler.js';
import { TimeoutHandler } from './timeoutHandler.js';

export interface HttpTuning {
  /** Per attempt, until the whole response (headers and body) has arrived. */
  readonly timeoutMs: number;
  /** Retries of 429/503/504 (SDK RetryHandler, honours Retry-After). */
  readonly maxRetries: number;
  /** Retries of attempts that got no complete response (dropped connection, a body that broke off, timeout). */
  readonly maxConnectionRetries: number;
  /** Backoff when Graph sends no Retry-After (seconds, SDK) and after a dropped connection (ms, doubling). */
  readonly retryDelaySeconds: number;
  readonly connectionRetryDelayMs: number;
  /** A person is not kept waiting longer than this for a Retry-After; background work waits as told. */
  readonly maxInteractiveRetryWaitSeconds: number;
  /** A person is not kept waiting longer than this for the client-side budget. */
  readonly maxInteractiveBudgetWaitMs: number;
}

export const DEFAULT_HTTP_TUNING: HttpTuning = { timeoutMs: 30_000, maxRetries: 3, maxConnectionRetries: 3, retryDelaySeconds: 2, connectionRetryDelayMs: 500, maxInteractiveRetryWaitSeconds: 10, maxInteractiveBudgetWaitMs: 10_000 };

export interface GraphClientDeps {
  readonly baseUrl: string;
  readonly credential: TokenCredential;
  readonly budget: GraphBudget;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly fetch: typeof fetch;
  readonly tuning: HttpTuning;
}

/**
 * The one Graph client. Chain, outermost first: retry on 429/503/504 honouring Retry-After, SDK
 * telemetry header, retry of dropped connections and timeouts, the budget (per attempt), token,
 * per-attempt log line, per-attempt timeout, fetch. The token is taken after the budget's wait,
 * for each attempt: a background request can wait longer than a token lives, and the
 * credential caches and refreshes it, so asking per attempt costs nothing.
 */
export function createGraphClient(deps: GraphClientDeps): Client {
  const root = new URL(deps.baseUrl);
  const chain: Middleware[] = [
    // The executor sets per-request options; this default covers anything sent without them.
    new RetryHandler(new RetryHandlerOptions(deps.tuning.retryDelaySeconds, deps.tuning.maxRetries, (_delay, _attempt, request, options) => mayRepeat(request, options))),
    new TelemetryHandler(),
    new ConnectionRetryHandler({ maxRetries: deps.tuning.maxConnectionRetries, baseDelayMs: deps.tuning.connectionRetryDelayMs }),
    new BudgetHandler(deps.budget, deps.now, deps.tuning.maxInteractiveBudgetWaitMs),
    new FreshTokenHandler(),
    new AuthenticationHandler(new TokenCredentialAuthenticationProvider(deps.credential, { scopes: [graphScope(deps.baseUrl)] })),
    new RequestLogHandler(deps.logger, deps.now),
    new TimeoutHandler(deps.tuning.timeoutMs),
    new FetchHandler(deps.fetch),
  ];
  return Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `${root.origin}${root.pathname.replace(/\/+$/, '')}/`,
    defaultVersion: 'v1.0',
    // The SDK attaches the token only to Graph hosts and these (hostname only, https only).
    customHosts: new Set([root.hostname]),
  });
}
