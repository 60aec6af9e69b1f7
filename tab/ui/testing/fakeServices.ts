// Test helper: the tab's services over a fake API (path -> answer) and a browser host whose
// theme can be switched, so pages render under jsdom exactly as in a browser.
import { DEFAULT_THRESHOLDS } from '../../../diagnosis/index.js';
import { ApiError, type ApiClient } from '../api/client.js';
import type { TabServices } from '../app/context.js';
import { createSession } from '../app/session.js';
import { createBrowserHost, type BrowserHost } from '../host/browserHost.js';
import type { HostContext } from '../host/host.js';

export type Answer = unknown | ((body: unknown) => unknown);

export interface FakeApi extends ApiClient {
  readonly requests: string[];
}

/** Routes match on the full path with query string first, then on the path alone. */
export function fakeApi(routes: Record<string, Answer>): FakeApi {
  const requests: string[] = [];
  const answer = async (method: string, path: string, body?: unknown) => {
    requests.push(`${method} ${path}`);
    const route = routes[`${method} ${path}`] ?? routes[path] ?? routes[path.split('?')[0]!];
    if (route === undefined) throw new ApiError(404, `no fake route for ${path}`);
    if (route instanceof ApiError) throw route;
    return typeof route === 'function' ? (route as (b: unknown) => unknown)(body) : route;
  };
  return {
    requests,
    get: <T,>(path: string) => answer('GET', path) as Promise<T>,
    getText: (path: string) => answer('GET', path).then(String),
    post: <T,>(path: string, body: unknown) => answer('POST', path, body) as Promise<T>,
  };
}

export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
  };
}

/** An unsigned JWT-shaped token whose payload the session can read (the server would validate it). */
export function demoToken(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'none' })}.${b64(claims)}.sig`;
}

export function fakeServices(api: FakeApi, context: Partial<HostContext> = {}, storage: Storage = memoryStorage()): { services: TabServices; host: BrowserHost; storage: Storage } {
  const host = createBrowserHost(context);
  const session = createSession(host, storage, () => api);
  return { services: { api, session, host, thresholds: DEFAULT_THRESHOLDS, tabUrl: 'https://tab.example/tab/' }, host, storage };
}
