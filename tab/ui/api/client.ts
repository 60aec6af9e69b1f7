// The tab's one way to the API: same origin, bearer token on every request, JSON in and out,
// errors turned into ApiError with the server's message.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type TokenSource = () => Promise<string | null>;

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  /** The body as text (a CSV export). */
  getText(path: string): Promise<string>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export function createApiClient(token: TokenSource, fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  async function send<T>(path: string, init: RequestInit, accept = 'application/json'): Promise<T> {
    const bearer = await token();
    const headers: Record<string, string> = { accept };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (init.body) headers['content-type'] = 'application/json';
    const response = await fetchImpl(path, { ...init, headers });
    const text = await response.text();
    const body = text ? safeJson(text) : null;
    if (!response.ok) throw new ApiError(response.status, errorMessage(body) ?? `${response.status} ${response.statusText}`);
    return (accept === 'application/json' ? body : text) as T;
  }
  return {
    get: (path) => send(path, { method: 'GET' }),
    getText: (path) => send<string>(path, { method: 'GET' }, 'text/csv'),
    post: (path, body) => send(path, { method: 'POST', body: JSON.stringify(body) }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const error = (body as { error?: unknown; message?: unknown }).error ?? (body as { message?: unknown }).message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return null;
}
