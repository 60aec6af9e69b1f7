import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Sits just above the SDK's AuthenticationHandler, below the retry handlers and the budget, and
 * drops the Authorization header an earlier attempt left on the request: the SDK appends the
 * token, so a retried attempt would otherwise send the old token and the new one together.
 */
export class FreshTokenHandler implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (typeof Request !== 'undefined' && context.request instanceof Request) context.request.headers.delete('Authorization');
    const headers = context.options?.headers;
    if (headers instanceof Headers) headers.delete('Authorization');
    else if (Array.isArray(headers)) context.options!.headers = headers.filter(([key]) => key?.toLowerCase() !== 'authorization');
    else if (headers !== undefined) for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete (headers as Record<string, string>)[key];
    await this.next!.execute(context);
  }
}
