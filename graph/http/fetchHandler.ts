import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** The end of the chain: sends the request with an injectable fetch (tests pass a fake). */
export class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options as RequestInit);
  }
}
