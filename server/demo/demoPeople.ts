// Who the Playground's "current user" is: the emulator's demo user (the person whose recent calls
// tell the demo story), with the other tenant users as the people in the Playground's chats.
// Read from the emulator's admin route, which is not part of Graph.
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

/** The Playground's UI lists every user; a handful is enough for group chats. */
const OTHERS = 5;

export function choosePeople(users: readonly DemoPerson[], demoUserId: string): DemoPeople {
  const currentUser = users.find((u) => u.id.toLowerCase() === demoUserId.toLowerCase());
  if (!currentUser) throw new Error(`the emulator's demo user ${demoUserId} is not among its ${users.length} users`);
  return { currentUser, others: users.filter((u) => u !== currentUser).slice(0, OTHERS) };
}

export async function loadDemoPeople(emulator: { readonly baseUrl: string; readonly ca: string }, demoUserId: string): Promise<DemoPeople> {
  const answer = await httpsJson<DemoPerson[]>(`${emulator.baseUrl}/_emulator/users`, { ca: emulator.ca });
  if (answer.status !== 200 || !Array.isArray(answer.body)) throw new Error(`the emulator did not list its users (GET /_emulator/users answered ${answer.status})`);
  return choosePeople(answer.body, demoUserId);
}
