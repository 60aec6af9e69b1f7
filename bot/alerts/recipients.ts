// Who an alert about a call may go to: the tenant's own users on it (guests, phone numbers,
// apps and other tenants' users never get one), by participants_v2 and the session endpoints.
import type { FullCallRecord } from '../../graph/contract.js';

interface UserIdentity {
  readonly id?: string | null;
  readonly tenantId?: string | null;
}

function userOf(identitySet: unknown): UserIdentity | undefined {
  const set = identitySet as { readonly user?: UserIdentity | null } | null | undefined;
  return set?.user ?? undefined;
}

/** Entra object ids (lower case, once each) of the tenant's users who took part. */
export function internalParticipants(record: FullCallRecord, tenantId: string): string[] {
  const identities: unknown[] = [
    ...(record.participants_v2 ?? []).map((p) => p.identity),
    ...(record.sessions ?? []).flatMap((session) => [
      session.caller,
      session.callee,
      ...(session.segments ?? []).flatMap((segment) => [segment.caller, segment.callee]),
    ]).map((endpoint) => (endpoint as { identity?: unknown } | null | undefined)?.identity),
  ];
  const ids = new Set<string>();
  for (const identity of identities) {
    const user = userOf(identity);
    if (!user?.id) continue;
    if (user.tenantId && user.tenantId.toLowerCase() !== tenantId.toLowerCase()) continue;
    ids.add(user.id.toLowerCase());
  }
  return [...ids];
}
