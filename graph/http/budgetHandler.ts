import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { BudgetOutcome, GraphBudget } from '../budget/graphBudget.js';
import { GraphThrottledError } from '../errors.js';
import { requestContextOf, responseFacts } from './requestContext.js';

/**
 * Admits every attempt through the Graph budget. It sits below the retry handlers, so a request
 * retried after a 429 (or a dropped connection) pays for each attempt, as Graph counts it.
 */
export class BudgetHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly budget: GraphBudget,
    private readonly now: () => Date,
    /** A person waits at most this long for the budget; then they hear when to try again. */
    private readonly maxInteractiveWaitMs: number,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const request = requestContextOf(context);
    const maxWait = request.priority === 'interactive' ? this.maxInteractiveWaitMs : undefined;
    const lease = await this.budget.acquire(request.buckets, request.priority, request.signal, maxWait).catch((error: unknown) => {
      if (error instanceof GraphThrottledError) request.budgetRejection = error;
      throw error;
    });
    // Without a response (timeout, dropped connection) the lease is released with no outcome.
    let outcome: BudgetOutcome | undefined;
    try {
      await this.next!.execute(context);
      const response = context.response;
      if (response) {
        const throttled = response.status === 429 || response.status === 503;
        // The budget decides which buckets a 429 or a 503 holds back, and whether a probe found room.
        const retryAfterMs = throttled ? responseFacts(response, this.now()).retryAfterMs : undefined;
        outcome = retryAfterMs === undefined ? { status: response.status } : { status: response.status, retryAfterMs };
      }
    } finally {
      lease.release(outcome);
    }
  }
}
