import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** An attempt whose response (headers and the whole body) did not arrive in time. */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Microsoft Graph did not answer within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/** Statuses whose Response cannot carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Aborts each attempt that takes longer than `timeoutMs`, without aborting the caller's own
 * signal. The timer covers the whole response: the body is read here, inside the attempt, and
 * handed on buffered, so a body that stalls after the headers times out like a silent server,
 * and one that breaks off mid-way fails the attempt (and can be retried) instead of failing
 * later in the SDK's response parsing, where no retry can see it.
 */
export class TimeoutHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const callerSignal = options.signal ?? undefined;
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(new RequestTimeoutError(this.timeoutMs)), this.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal;
    options.signal = signal;
    try {
      await this.next!.execute(context);
      if (context.response) context.response = await buffered(context.response, signal);
    } catch (error) {
      if (timer.signal.aborted && !callerSignal?.aborted) throw timer.signal.reason;
      throw error;
    } finally {
      clearTimeout(timeout);
      options.signal = callerSignal;
    }
  }
}

/** The response with its body read in full, or the abort reason / read error if it never completes. */
async function buffered(response: Response, signal: AbortSignal): Promise<Response> {
  if (response.body === null) return response;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    // fetch aborts its own body on the signal; a body from elsewhere may not, so race the signal too.
    const body = await Promise.race([response.arrayBuffer(), aborted]);
    const init = { status: response.status, statusText: response.statusText, headers: response.headers };
    return new Response(NULL_BODY.has(response.status) ? null : body, init);
  } catch (error) {
    // Free the connection of a body abandoned mid-way.
    response.body.cancel().catch(() => undefined);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort!);
    aborted.catch(() => undefined);
  }
}
