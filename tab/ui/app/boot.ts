// Start-up: connect to the host (Teams or a plain browser), sign in (SSO, or in demo mode ?as= and
// the stored demo token), and pick the first route (a Teams deep link's subPageId, or sign-in).
import { createApiClient } from '../api/client.js';
import { DEFAULT_THRESHOLDS } from '../../../diagnosis/index.js';
import type { BrowserHost } from '../host/browserHost.js';
import type { Host } from '../host/host.js';
import type { TabServices } from './context.js';
import { routeFromSubPage } from './routes.js';
import { createSession } from './session.js';

export interface Booted {
  readonly services: TabServices;
  readonly browserHost: BrowserHost | null;
  /** A message to show when ?as= sign-in failed. */
  readonly signInProblem: string | null;
}

export async function boot(win: Window, host: Host | BrowserHost): Promise<Booted> {
  const anonymous = createApiClient(async () => null);
  const session = createSession(host, win.sessionStorage, () => anonymous);
  const api = createApiClient(() => session.token());
  const tabUrl = `${win.location.origin}${win.location.pathname}`;
  const services: TabServices = { api, session, host, thresholds: DEFAULT_THRESHOLDS, tabUrl };
  let signInProblem: string | null = null;

  const url = new URL(win.location.href);
  const as = url.searchParams.get('as');
  if (as && !host.context.inTeams) {
    // Demo mode only: the server's /api/demo/token answers 404 in production, so this does nothing there.
    try {
      await session.signInAs(as);
    } catch (error) {
      signInProblem = `Could not sign in as ${as}: ${error instanceof Error ? error.message : String(error)}`;
    }
    url.searchParams.delete('as');
    win.history.replaceState(null, '', url.toString());
  }
  const deepLink = routeFromSubPage(host.context.subPageId);
  if (deepLink && (!win.location.hash || win.location.hash === '#/')) win.location.hash = deepLink;
  if (host.context.frameContext === 'settings') win.location.hash = '#/config';
  if (!host.context.inTeams && !(await session.token()) && !win.location.hash.startsWith('#/signin') && !win.location.hash.startsWith('#/team') && !win.location.hash.startsWith('#/config')) {
    win.location.hash = '#/signin';
  }
  return { services, browserHost: 'setTheme' in host ? host : null, signInProblem };
}
