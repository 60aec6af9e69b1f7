import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** An attempt that got no response headers in time. */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Microsoft Graph did not answer within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/** Aborts each attempt that takes longer than `timeoutMs`, without aborting the caller's own signal. */
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
    options.signal = callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal;
    try {
      await this.next!.execute(context);
    } catch (error) {
      if (timer.signal.aborted && !callerSignal?.aborted) throw timer.signal.reason;
      throw error;
    } finally {
      clearTimeout(timeout);
      options.signal = callerSignal;
    }
  }
}
