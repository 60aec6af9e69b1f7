// Rows for the PSTN report functions: Calling Plan and Direct Routing calls, SMS, blocked users
// and audio-conferencing dial-out. The demo user has a failed Direct Routing call to a
// +1 425 number today (SIP 503) and a successful Calling Plan call to one yesterday, a text that
// went out and one that did not, and a block lifted weeks ago. A busy contact-centre trunk
// (sbc2, media bypass on) carries over 1,000 calls in the last week, so a week's Direct Routing
// report pages past 1,000 rows; its international callers' numbers arrive partly masked, as
// Graph masks them for some countries.
import { startOfUtcDay } from './demoStory.js';
import type { Rng } from './random.js';
import type { DialoutCall, TenantUser } from './types.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface ReportRows {
  readonly pstnCalls: Record<string, unknown>[];
  readonly directRoutingCalls: Record<string, unknown>[];
  readonly smsLog: Record<string, unknown>[];
  readonly blockedUsers: Record<string, unknown>[];
  readonly dialoutReport: DialoutCall[];
}

const phone = (rng: Rng, area = '425'): string => `+1${area}555${String(rng.int(100, 199)).padStart(4, '0')}`;
const userNumber = (u: TenantUser): string => `+1206555${String(parseInt(u.id.slice(0, 4), 16) % 10_000).padStart(4, '0')}`;

const SIP_FAILURES = [
  { code: 503, sub: 560503, phrase: 'Service Unavailable' },
  { code: 404, sub: 560404, phrase: 'Not Found' },
  { code: 486, sub: 540486, phrase: 'Busy Here' },
  { code: 408, sub: 560408, phrase: 'Request Timeout' },
  { code: 487, sub: 540487, phrase: 'Request Terminated' },
] as const;

export function reportRows(rng: Rng, users: readonly TenantUser[], demo: TenantUser, now: Date): ReportRows {
  const today = startOfUtcDay(now);
  const rows: ReportRows = { pstnCalls: [], directRoutingCalls: [], smsLog: [], blockedUsers: [], dialoutReport: [] };
  const others = users.filter((u) => u.id !== demo.id);
  for (let daysBack = 29; daysBack >= 0; daysBack--) {
    const day = today.getTime() - daysBack * DAY;
    for (let i = 0; i < rng.int(2, 5); i++) {
      const start = new Date(day + rng.int(8 * 60, 18 * 60) * MINUTE);
      if (start.getTime() > now.getTime() - 30 * MINUTE) continue;
      const user = rng.pick(others);
      if (rng.chance(0.5)) rows.pstnCalls.push(pstnRow(rng, user, start, rng.int(30, 1500), rng.chance(0.6)));
      else rows.directRoutingCalls.push(drRow(rng, user, start, rng.chance(0.88) ? undefined : rng.pick(SIP_FAILURES)));
      if (rng.chance(0.3)) rows.smsLog.push(smsRow(rng, user, new Date(start.getTime() + 5 * MINUTE)));
      if (rng.chance(0.15)) rows.dialoutReport.push(dialout(rng, user, start));
    }
  }
  rows.pstnCalls.push(pstnRow(rng, demo, new Date(today.getTime() - DAY + 15 * 60 * MINUTE), 240, true, '+14255550143'));
  const failedAt = new Date(Math.max(today.getTime(), now.getTime() - 170 * MINUTE));
  rows.directRoutingCalls.push(drRow(rng, demo, failedAt, SIP_FAILURES[0], '+14255550187'));
  const blocked = rng.pick(others);
  rows.blockedUsers.push(blockedRow(rng, blocked, new Date(today.getTime() - 12 * DAY + 9 * 60 * MINUTE), 'blocked', 'High Overall Usage'));
  rows.blockedUsers.push(blockedRow(rng, blocked, new Date(today.getTime() - 10 * DAY + 11 * 60 * MINUTE), 'unblocked', 'Tenant Requested'));
  // Appended after every earlier draw, so the rows above stay what they were.
  demoPhoneWeek(rng, demo, today, now, rows);
  contactCentreTrunk(rng, others, today, now, rows);
  return rows;
}

export const BUSY_TRUNK = 'sbc2.contoso.com';
const BUSY_TRUNK_CALLS = 1_150;

function demoPhoneWeek(rng: Rng, demo: TenantUser, today: Date, now: Date, rows: ReportRows): void {
  const at = (daysBack: number, hour: number): Date => new Date(Math.min(today.getTime() - daysBack * DAY + hour * 60 * MINUTE, now.getTime() - 40 * MINUTE));
  rows.pstnCalls.push(pstnRow(rng, demo, at(3, 10), 95, false, '+14255550160'));
  rows.directRoutingCalls.push(drRow(rng, demo, at(2, 14), SIP_FAILURES[2], '+14255550171'));
  rows.smsLog.push({ ...smsRow(rng, demo, at(1, 9)), smsType: 'sms_out', smsUnits: 1, callCharge: 0.01, sourceNumber: userNumber(demo), destinationNumber: '+14255550143' });
  rows.smsLog.push({ ...smsRow(rng, demo, at(0, 8)), smsType: 'sms_out', smsUnits: 0, callCharge: 0, sourceNumber: userNumber(demo), destinationNumber: '+14255550199' });
  rows.blockedUsers.push(blockedRow(rng, demo, new Date(today.getTime() - 20 * DAY + 10 * 60 * MINUTE), 'blocked', 'High Overall Usage'));
  rows.blockedUsers.push(blockedRow(rng, demo, new Date(today.getTime() - 19 * DAY + 16 * 60 * MINUTE), 'unblocked', 'Tenant Requested'));
}

function contactCentreTrunk(rng: Rng, others: readonly TenantUser[], today: Date, now: Date, rows: ReportRows): void {
  const agents = others.slice(0, Math.max(1, Math.min(12, others.length)));
  const span = Math.max(now.getTime() - (today.getTime() - 6 * DAY) - 60 * MINUTE, DAY);
  for (let i = 0; i < BUSY_TRUNK_CALLS; i++) {
    const start = new Date(today.getTime() - 6 * DAY + Math.floor((i / BUSY_TRUNK_CALLS) * span));
    const failure = rng.chance(0.08) ? rng.pick(SIP_FAILURES) : undefined;
    const international = rng.chance(0.1);
    const row = drRow(rng, rng.pick(agents), start, failure, international ? `+44207946${String(rng.int(0, 9))}***` : phone(rng));
    rows.directRoutingCalls.push({ ...row, trunkFullyQualifiedDomainName: BUSY_TRUNK, mediaBypassEnabled: true, ...(international && { otherPartyCountryCode: 'GB' }) });
  }
  // One agent is blocked now, for the helpdesk's blocked-users list.
  rows.blockedUsers.push(blockedRow(rng, agents[agents.length - 1]!, new Date(Math.min(today.getTime() - 3 * DAY + 8 * 60 * MINUTE, now.getTime() - 60 * MINUTE)), 'blocked', 'Suspicious international calling'));
  for (let i = 0; i < 6; i++) {
    const sender = rng.pick(agents);
    const failedText = smsRow(rng, sender, new Date(Math.min(today.getTime() - i * DAY + 13 * 60 * MINUTE, now.getTime() - 30 * MINUTE)));
    rows.smsLog.push({ ...failedText, smsType: 'sms_out', smsUnits: 0, callCharge: 0, sourceNumber: userNumber(sender), destinationNumber: `${phone(rng).slice(0, -3)}***` });
  }
}

function pstnRow(rng: Rng, user: TenantUser, start: Date, seconds: number, outbound: boolean, otherNumber = phone(rng)): Record<string, unknown> {
  const charge = outbound ? Math.round(seconds / 60 * 0.018 * 100) / 100 : 0;
  return {
    id: rng.uuid(),
    callId: `${rng.uuid().replace(/-/g, '').slice(0, 20)}`,
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    startDateTime: start.toISOString(),
    endDateTime: new Date(start.getTime() + seconds * 1000).toISOString(),
    duration: seconds,
    charge,
    callType: outbound ? 'user_out' : 'user_in',
    currency: 'USD',
    calleeNumber: outbound ? otherNumber : userNumber(user),
    usageCountryCode: 'US',
    tenantCountryCode: 'US',
    connectionCharge: 0,
    callerNumber: outbound ? userNumber(user) : otherNumber,
    destinationContext: outbound ? 'Domestic' : null,
    destinationName: 'United States',
    conferenceId: null,
    licenseCapability: 'MCOPSTNU',
    inventoryType: 'Subscriber',
    operator: 'Microsoft',
    callDurationSource: 'microsoft',
    otherPartyCountryCode: 'US',
    administrativeUnitInfos: [],
    clientLocalIpV4Address: `10.${rng.int(10, 40)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
    clientLocalIpV6Address: null,
    clientPublicIpV4Address: `203.0.113.${rng.int(2, 250)}`,
    clientPublicIpV6Address: null,
  };
}

function drRow(rng: Rng, user: TenantUser, start: Date, failure: (typeof SIP_FAILURES)[number] | undefined, otherNumber = phone(rng)): Record<string, unknown> {
  const seconds = failure ? 0 : rng.int(40, 1800);
  const outbound = failure ? true : rng.chance(0.6);
  return {
    id: rng.uuid(),
    correlationId: rng.uuid(),
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    startDateTime: start.toISOString(),
    inviteDateTime: new Date(start.getTime() - 2000).toISOString(),
    failureDateTime: failure ? new Date(start.getTime() + 4000).toISOString() : '0001-01-01T00:00:00Z',
    endDateTime: failure ? null : new Date(start.getTime() + seconds * 1000).toISOString(),
    duration: seconds,
    callType: outbound ? 'ByotOut' : 'ByotIn',
    successfulCall: !failure,
    callerNumber: outbound ? userNumber(user) : otherNumber,
    calleeNumber: outbound ? otherNumber : userNumber(user),
    mediaPathLocation: 'USWE',
    signalingLocation: 'USWE',
    finalSipCode: failure ? failure.code : 0,
    callEndSubReason: failure ? failure.sub : 540200,
    finalSipCodePhrase: failure ? failure.phrase : 'BYE',
    trunkFullyQualifiedDomainName: 'sbc1.contoso.com',
    mediaBypassEnabled: false,
    transferorCorrelationId: null,
    userCountryCode: 'US',
    otherPartyCountryCode: 'US',
    administrativeUnitInfos: [],
  };
}

function smsRow(rng: Rng, user: TenantUser, sent: Date): Record<string, unknown> {
  const outbound = rng.chance(0.5);
  return {
    id: rng.uuid(),
    userId: user.id,
    userDisplayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    otherPartyCountryCode: 'US',
    administrativeUnitInfos: [],
    sentDateTime: sent.toISOString(),
    smsId: rng.uuid(),
    smsType: outbound ? 'sms_out' : 'sms_in',
    smsUnits: 1,
    sourceNumber: outbound ? userNumber(user) : `${phone(rng).slice(0, -3)}***`,
    destinationNumber: outbound ? `${phone(rng).slice(0, -3)}***` : userNumber(user),
    destinationName: 'United States',
    destinationContext: 'Domestic',
    licenseCapability: 'MCOSMS1',
    callCharge: outbound ? 0.01 : 0,
    currency: 'USD',
    tenantCountryCode: 'US',
    userCountryCode: 'US',
  };
}

function blockedRow(rng: Rng, user: TenantUser, at: Date, mode: 'blocked' | 'unblocked', reason: string): Record<string, unknown> {
  return {
    userId: user.id,
    userDisplayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    userTelephoneNumber: userNumber(user),
    blockDateTime: at.toISOString(),
    blockReason: reason,
    remediationId: rng.uuid(),
    userBlockMode: mode,
  };
}

function dialout(rng: Rng, user: TenantUser, at: Date): DialoutCall {
  const seconds = rng.int(60, 2400);
  const international = rng.chance(0.2);
  return {
    userId: user.id,
    userDisplayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    usageLocation: 'US',
    destinationContext: international ? 'International' : 'Domestic',
    currency: 'USD',
    callDateTime: at.toISOString(),
    seconds,
    charge: Math.round((seconds / 60) * (international ? 0.12 : 0.025) * 100) / 100,
  };
}
