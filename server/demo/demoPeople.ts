// Who the Playground's "current user" is: the emulator user with the most interesting recent
// calls, found from the emulator's ground truth (admin route, not Graph), with names read from
// the emulator's Graph /users the same way a tenant's directory would give them.
import { httpsJson } from './httpsJson.js';

export interface DemoPerson {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string;
}

export interface DemoPeople {
  readonly currentUser: DemoPerson;
  /** Other tenant users the Playground lists (group chat members, mentions). */
  readonly others: readonly DemoPerson[];
}

interface GroundTruthEntry {
  readonly userId: string;
  readonly verdict: string;
  readonly ambiguous: boolean;
}

export interface EmulatorAccess {
  readonly baseUrl: string;
  readonly ca: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Ranks users by how many of their calls went wrong, then by how many calls they had. */
export function pickDemoUsers(truth: readonly GroundTruthEntry[], count: number): string[] {
  const score = new Map<string, { bad: number; all: number }>();
  for (const entry of truth) {
    const s = score.get(entry.userId) ?? { bad: 0, all: 0 };
    s.all++;
    if (entry.verdict !== 'good') s.bad++;
    score.set(entry.userId, s);
  }
  return [...score.entries()]
    .sort(([a, x], [b, y]) => y.bad - x.bad || y.all - x.all || (a < b ? -1 : 1))
    .slice(0, count)
    .map(([id]) => id);
}

export async function loadDemoPeople(emulator: EmulatorAccess, count = 6): Promise<DemoPeople> {
  const truth = await httpsJson<GroundTruthEntry[]>(`${emulator.baseUrl}/_emulator/ground-truth`, { ca: emulator.ca });
  if (truth.status !== 200 || !Array.isArray(truth.body) || truth.body.length === 0) {
    throw new Error(`the emulator has no generated calls to demo (GET /_emulator/ground-truth answered ${truth.status})`);
  }
  const ids = pickDemoUsers(truth.body, count);
  const token = await appToken(emulator);
  const people = await Promise.all(ids.map((id) => userProfile(emulator, token, id)));
  return { currentUser: people[0]!, others: people.slice(1) };
}

async function appToken(emulator: EmulatorAccess): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString();
  const answer = await httpsJson<{ access_token?: string }>(`${emulator.baseUrl}/${emulator.tenantId}/oauth2/v2.0/token`, {
    ca: emulator.ca,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  if (answer.status !== 200 || !answer.body?.access_token) throw new Error(`the emulator refused the demo app's credentials (${answer.status})`);
  return answer.body.access_token;
}

async function userProfile(emulator: EmulatorAccess, token: string, id: string): Promise<DemoPerson> {
  const answer = await httpsJson<Partial<DemoPerson>>(`${emulator.baseUrl}/v1.0/users/${encodeURIComponent(id)}`, { ca: emulator.ca, headers: { authorization: `Bearer ${token}` } });
  const p = answer.status === 200 ? answer.body : {};
  const upn = p.userPrincipalName ?? `${id.slice(0, 8)}@demo.example`;
  return { id, displayName: p.displayName ?? 'Demo user', userPrincipalName: upn, mail: p.mail ?? upn };
}
