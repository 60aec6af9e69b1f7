// Who is signed in and with which token. In Teams: SSO (authentication.getAuthToken). Outside
// Teams (demo mode only; the server answers 404 otherwise): a token from /api/demo/token, kept in
// sessionStorage, obtained from the sign-in page or from ?as=<objectId or UPN>.
import type { ApiClient } from '../api/client.js';
import { API_ROUTES, type DemoTokenResponse } from '../api/types.js';
import type { Host } from '../host/host.js';

const STORAGE_KEY = 'call-doctor.demo-token';

export interface Identity {
  readonly userId: string | null;
  readonly name: string | null;
  readonly roles: readonly string[];
}

export interface Session {
  token(): Promise<string | null>;
  identity(): Identity | null;
  signInAs(user: string): Promise<void>;
  signOut(): void;
  readonly inTeams: boolean;
}

export function createSession(host: Host, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, unauthenticated: () => ApiClient): Session {
  let teamsToken: string | null = null;
  const stored = () => storage.getItem(STORAGE_KEY);
  return {
    inTeams: host.context.inTeams,
    async token() {
      const sso = host.getAuthToken();
      if (sso) return (teamsToken = await sso);
      return stored();
    },
    identity() {
      const token = teamsToken ?? stored();
      const claims = token ? decodeClaims(token) : null;
      if (!claims) return host.context.userId ? { userId: host.context.userId, name: host.context.userPrincipalName, roles: [] } : null;
      return {
        userId: typeof claims.oid === 'string' ? claims.oid : null,
        name: typeof claims.name === 'string' ? claims.name : typeof claims.preferred_username === 'string' ? claims.preferred_username : null,
        roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
      };
    },
    async signInAs(user) {
      const { token } = await unauthenticated().post<DemoTokenResponse>(API_ROUTES.demoToken, { user });
      storage.setItem(STORAGE_KEY, token);
    },
    signOut() {
      storage.removeItem(STORAGE_KEY);
    },
  };
}

/** The JWT's payload, for display only (the server validates the token). */
export function decodeClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
