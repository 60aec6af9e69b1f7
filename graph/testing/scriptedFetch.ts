// A fetch that answers from a script instead of the network, for unit tests of graph/.
// Unmatched requests fail loudly, so a test never reaches the network by accident.

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/** Answers one request: a Response, a thrown error (dropped connection), or 'hang' (never answers until aborted). */
export type Answer = Response | Error | 'hang';
export type Route = (request: SeenRequest) => Answer | undefined;

export interface ScriptedFetch {
  readonly fetch: typeof fetch;
  readonly seen: SeenRequest[];
  /** Routes are tried newest first, so a test can override an earlier answer. */
  on(route: Route): void;
}

export function scriptedFetch(...routes: Route[]): ScriptedFetch {
  const seen: SeenRequest[] = [];
  const table = [...routes];
  const fetchImpl = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request: SeenRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      headers: Object.fromEntries(new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]).entries()),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    seen.push(request);
    const answer = [...table].reverse().reduce<Answer | undefined>((found, route) => found ?? route(request), undefined);
    if (answer === undefined) throw new Error(`scriptedFetch: no route for ${request.method} ${url}`);
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetchImpl as typeof fetch, seen, on: (route) => table.push(route) };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'request-id': `req-${status}`, ...headers } });
}

export function graphErrorResponse(status: number, code: string, headers: Record<string, string> = {}, message = `${code} from the script`): Response {
  const requestId = `req-${code}`;
  return json({ error: { code, message, innerError: { 'request-id': requestId, date: '2026-11-20T10:00:00Z' } } }, status, { 'request-id': requestId, ...headers });
}

/** A route for one method and a URL pattern; `answers` are used in turn, the last one repeats. */
export function route(method: string, pattern: RegExp, ...answers: (Answer | (() => Answer))[]): Route {
  let next = 0;
  return (request) => {
    if (request.method !== method || !pattern.test(request.url)) return undefined;
    const answer = answers[Math.min(next++, answers.length - 1)]!;
    const value = typeof answer === 'function' ? answer() : answer;
    // A Response body can be read once; hand out copies so a repeated answer stays readable.
    return value instanceof Response ? value.clone() : value;
  };
}

/** undici's shape for a connection that dropped before any response. */
export function droppedConnection(): TypeError {
  return new TypeError('fetch failed', { cause: new Error('other side closed') });
}

/** Headers and the first bytes of `body` arrive, then nothing more: the body never completes. */
export function stalledBody(body: unknown = { value: [] }, status = 200): Response {
  const text = JSON.stringify(body);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text.slice(0, Math.ceil(text.length / 2))));
    },
  });
  return new Response(stream, { status, headers: { 'content-type': 'application/json', 'request-id': `req-${status}` } });
}

/** Headers and the first bytes arrive, then the connection drops (undici's shape: TypeError "terminated"). */
export function brokenBody(body: unknown = { value: [] }, status = 200): Response {
  const text = JSON.stringify(body);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text.slice(0, Math.ceil(text.length / 2))));
      controller.error(new TypeError('terminated', { cause: new Error('other side closed') }));
    },
  });
  return new Response(stream, { status, headers: { 'content-type': 'application/json', 'request-id': `req-${status}` } });
}
