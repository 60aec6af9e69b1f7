import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { mayRepeat, requestContextOf } from './requestContext.js';
import { RequestTimeoutError } from './timeoutHandler.js';

export interface ConnectionRetryOptions {
  readonly maxRetries: number;
  /** First backoff; doubles per retry. */
  readonly baseDelayMs: number;
}

/**
 * Retries attempts that got no complete HTTP response (dropped connection, reset, a body that
 * broke off after the headers, timeout), which the SDK's RetryHandler cannot see because it only
 * looks at responses. POST is not retried: a dropped POST may have been applied, and repeating it
 * could create a duplicate subscription.
 */
export class ConnectionRetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly options: ConnectionRetryOptions) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const request = requestContextOf(context);
    for (let retry = 0; ; retry++) {
      try {
        await this.next!.execute(context);
        request.lastFailure = undefined;
        return;
      } catch (error) {
        const failure = error instanceof RequestTimeoutError ? 'timeout' : isDroppedConnection(error) ? 'connection' : undefined;
        if (failure === undefined || request.signal?.aborted) throw error;
        request.lastFailure = failure;
        if (retry >= this.options.maxRetries || !mayRepeat(context.request, context.options)) throw error;
        await delay(this.options.baseDelayMs * 2 ** retry, request.signal);
      }
    }
  }
}

/** Node's fetch (undici) reports network failures as TypeError("fetch failed") with a cause. */
function isDroppedConnection(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|terminated|socket|network/i.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`);
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
