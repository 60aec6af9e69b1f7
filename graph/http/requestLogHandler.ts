import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../logger.js';
import { methodOf, requestContextOf, responseFacts } from './requestContext.js';

/**
 * Logs each attempt: method, path with ids only, status, Graph's request-id, duration. Never the
 * query string, headers or body: they can hold tokens, phone numbers and IP addresses.
 */
export class RequestLogHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const request = requestContextOf(context);
    request.attempts++;
    const started = this.now().getTime();
    const base = { method: methodOf(context), path: request.logPath, priority: request.priority, attempt: request.attempts };
    try {
      await this.next!.execute(context);
    } catch (error) {
      this.logger.warn({ ...base, error: (error as Error).name, durationMs: this.now().getTime() - started }, 'Graph request failed without a response');
      throw error;
    }
    const facts = responseFacts(context.response!, this.now());
    request.lastResponse = facts;
    const fields = { ...base, status: facts.status, requestId: facts.requestId, durationMs: this.now().getTime() - started };
    if (facts.status >= 400) this.logger.warn({ ...fields, retryAfterMs: facts.retryAfterMs }, 'Graph request answered with an error');
    else this.logger.debug(fields, 'Graph request');
  }
}
