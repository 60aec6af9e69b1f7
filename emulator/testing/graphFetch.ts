// Small helpers for emulator tests: authenticated GETs against the emulator's Graph routes.

/** The part of test/support/emulator.ts's EmulatorHandle these helpers need. */
export interface EmulatorEndpoint {
  readonly baseUrl: string;
  appToken(roles: readonly string[]): Promise<string>;
}

export interface GraphResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export async function graphGet<T = Record<string, unknown>>(emulator: EmulatorEndpoint, pathOrUrl: string, options: { token?: string; headers?: Record<string, string> } = {}): Promise<GraphResponse<T>> {
  const token = options.token ?? (await emulator.appToken(['CallRecords.Read.All', 'CallRecord-PstnCalls.Read.All']));
  const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${emulator.baseUrl}${pathOrUrl}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...options.headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}

/** Follows @odata.nextLink (or a named nav nextLink on the first body) to the end; returns every page. */
export async function allPages<T>(emulator: EmulatorEndpoint, firstPath: string, headers: Record<string, string> = {}): Promise<{ items: T[]; pages: number }> {
  const token = await emulator.appToken(['CallRecords.Read.All', 'CallRecord-PstnCalls.Read.All']);
  const items: T[] = [];
  let next: string | undefined = firstPath;
  let pages = 0;
  while (next) {
    const page: GraphResponse<{ value: T[]; '@odata.nextLink'?: string }> = await graphGet(emulator, next, { token, headers });
    if (page.status !== 200) throw new Error(`GET ${next} answered ${page.status}: ${JSON.stringify(page.body)}`);
    items.push(...page.body.value);
    pages += 1;
    next = page.body['@odata.nextLink'];
  }
  return { items, pages };
}
