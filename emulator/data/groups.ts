// The demo tenant's teams (Microsoft 365 groups), derived from its users so that every tenant the
// emulator generates has them: one team large enough for the channel view's aggregates (the demo
// user and the people of the demo story among its members) and one too small, which the channel
// view must withhold. Fixed ids so links and tests can name them.
import type { TenantUser } from './types.js';

export interface TenantGroup {
  readonly id: string;
  readonly displayName: string;
  readonly memberIds: readonly string[];
}

export const SUPPORT_TEAM_ID = '5e1f7a20-7c3b-4d2a-9e10-00000000ca11';
export const SMALL_TEAM_ID = '5e1f7a20-7c3b-4d2a-9e10-00000000ca12';

export function buildGroups(users: readonly TenantUser[]): TenantGroup[] {
  if (users.length === 0) return [];
  return [
    { id: SUPPORT_TEAM_ID, displayName: 'Contoso Support', memberIds: users.slice(0, 12).map((u) => u.id) },
    { id: SMALL_TEAM_ID, displayName: 'Design Crew', memberIds: users.slice(0, 3).map((u) => u.id) },
  ];
}
