// Row shaping for the report functions: v1.0 has no beta-only properties; the dial-out report
// is an aggregate per user, location, destination context and currency.
import type { DialoutCall } from '../../../data/types.js';
import type { JsonObject } from '../../../store/json.js';

/** Properties only the beta schema declares on pstnCallLogRow/directRoutingLogRow. */
export const V10_ONLY_DROPS: ReadonlySet<string> = new Set([
  'transferorCorrelationId',
  'userCountryCode',
  'clientLocalIpV4Address',
  'clientLocalIpV6Address',
  'clientPublicIpV4Address',
  'clientPublicIpV6Address',
  'otherPartyCountryCode',
  'administrativeUnitInfos',
]);

export function aggregateDialout(calls: readonly DialoutCall[]): JsonObject[] {
  const groups = new Map<string, JsonObject & { totalCalls: number; totalCallSeconds: number; totalCallCharge: number }>();
  for (const c of calls) {
    const key = [c.userId, c.usageLocation, c.destinationContext, c.currency].join('|');
    const group = groups.get(key) ?? {
      currency: c.currency,
      destinationContext: c.destinationContext,
      totalCallCharge: 0,
      totalCalls: 0,
      totalCallSeconds: 0,
      usageLocation: c.usageLocation,
      userDisplayName: c.userDisplayName,
      userId: c.userId,
      userPrincipalName: c.userPrincipalName,
    };
    group.totalCalls += 1;
    group.totalCallSeconds += c.seconds;
    group.totalCallCharge = Math.round((group.totalCallCharge + c.charge) * 100) / 100;
    groups.set(key, group);
  }
  return [...groups.values()];
}
