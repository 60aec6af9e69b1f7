// Demo mode's sign-in for the tab: the emulator's users, and user tokens it issues for the tab's
// audience (POST /_emulator/tokens/user). One demo user holds the helpdesk role so the helpdesk
// view can be tried. These are the emulator's admin routes, not Graph; production has none.
import type { DemoUser } from '../../tab/api/contract.js';
import { HELPDESK_ROLE, API_SCOPE, type DemoSignIn } from '../../tab/api/index.js';

/** The emulator's demo user (the demo story is theirs) and the person who plays the helpdesk. */
export const DEMO_USER_NAME = 'Alex Wilber';
export const DEMO_HELPDESK_NAME = 'Megan Bowen';

interface EmulatorUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
}

export interface DemoSignInOptions {
  /** The emulator's base URL (demo mode's GRAPH_AUTHORITY_HOST). */
  readonly emulatorUrl: string;
  /** The audience the tab API accepts. */
  readonly audience: string;
  readonly fetch?: typeof fetch;
}

export function emulatorSignIn(options: DemoSignInOptions): DemoSignIn {
  const doFetch = options.fetch ?? globalThis.fetch;
  let cached: Promise<EmulatorUser[]> | undefined;
  const loadUsers = (): Promise<EmulatorUser[]> => {
    cached ??= doFetch(`${options.emulatorUrl}/_emulator/users`).then(async (res) => {
      if (!res.ok) throw new Error(`the emulator did not list its users (GET /_emulator/users answered ${res.status})`);
      return (await res.json()) as EmulatorUser[];
    });
    cached.catch(() => (cached = undefined));
    return cached;
  };
  const isHelpdesk = (u: EmulatorUser): boolean => u.displayName === DEMO_HELPDESK_NAME;
  return {
    async users(): Promise<DemoUser[]> {
      const users = await loadUsers();
      return users.map((u) => ({ id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, demoUser: u.displayName === DEMO_USER_NAME, helpdesk: isHelpdesk(u) }));
    },
    async token(user) {
      const key = user.toLowerCase();
      const found = (await loadUsers()).find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
      if (!found) return null;
      const res = await doFetch(`${options.emulatorUrl}/_emulator/tokens/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: found.id, audience: options.audience, scopes: [API_SCOPE], roles: isHelpdesk(found) ? [HELPDESK_ROLE] : [] }),
      });
      if (!res.ok) throw new Error(`the emulator did not issue a user token (answered ${res.status})`);
      const body = (await res.json()) as { access_token: string; expires_in: number };
      return { token: body.access_token, expiresIn: body.expires_in };
    },
  };
}
