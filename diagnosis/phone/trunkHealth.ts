// Helpdesk aggregates over the phone reports: Direct Routing health per trunk (SBC), the users
// blocked now, SMS that did not go out, and audio-conferencing dial-out by destination.
//
// Network effectiveness ratio follows Microsoft's Direct Routing Health Dashboard: (answered + user
// busy + ring no answer + terminal reject) / attempts; here "the user's doing" is every final SIP
// code whose actor is the callee or the caller in sipCodes.ts (480, 486, 487, 600, 603, ...).
// Answer-seizure ratio (ITU-T E.425) counts only calls answered with talk time. README.md of this
// folder says where these differ from the dashboard's.
import { bool, enumValue, num, obj, str } from '../read.js';
import { explainSms } from './sms.js';
import { sipMeaning } from './sipCodes.js';

export interface SipFailureCount {
  readonly code: number;
  readonly phrase: string | null;
  readonly meaning: string;
  readonly calls: number;
}

export interface TrunkBucket {
  /** Start of the bucket (ISO). */
  readonly start: string;
  readonly calls: number;
  readonly failed: number;
}

export interface TrunkHealth {
  readonly trunk: string;
  readonly calls: number;
  readonly successful: number;
  /** successfulCall true, out of all attempts; null with no attempts. Ratios are 0..1. */
  readonly successRate: number | null;
  readonly networkEffectivenessRatio: number | null;
  readonly answerSeizureRatio: number | null;
  readonly mediaBypassShare: number | null;
  readonly topFailures: readonly SipFailureCount[];
  readonly overTime: readonly TrunkBucket[];
}

export interface TrunkHealthOptions {
  readonly from: Date;
  readonly to: Date;
  /** Bucket width for calls over time; one day by default. */
  readonly bucketMs?: number;
  readonly topFailures?: number;
}

const DAY_MS = 86_400_000;
const UNKNOWN_TRUNK = '(no trunk recorded)';

export function trunkHealth(rows: readonly unknown[], options: TrunkHealthOptions): TrunkHealth[] {
  const bucketMs = options.bucketMs ?? DAY_MS;
  const origin = Math.floor(options.from.getTime() / bucketMs) * bucketMs;
  const bucketCount = Math.max(1, Math.ceil((options.to.getTime() - origin) / bucketMs));
  const byTrunk = new Map<string, { calls: number; ok: number; delivered: number; answered: number; bypass: number; bypassKnown: number; failures: Map<number, { phrase: string | null; calls: number }>; buckets: { calls: number; failed: number }[] }>();
  for (const row of rows) {
    const r = obj(row) ?? {};
    const trunk = str(r.trunkFullyQualifiedDomainName) ?? UNKNOWN_TRUNK;
    const t =
      byTrunk.get(trunk) ??
      { calls: 0, ok: 0, delivered: 0, answered: 0, bypass: 0, bypassKnown: 0, failures: new Map(), buckets: Array.from({ length: bucketCount }, () => ({ calls: 0, failed: 0 })) };
    byTrunk.set(trunk, t);
    const ok = bool(r.successfulCall) === true;
    const code = num(r.finalSipCode);
    t.calls++;
    if (ok) t.ok++;
    if (ok && (num(r.duration) ?? 0) > 0) t.answered++;
    const actor = code !== null && code !== 0 ? sipMeaning(code).actor : 'none';
    if (ok || actor === 'callee' || actor === 'caller') t.delivered++;
    const bypass = bool(r.mediaBypassEnabled);
    if (bypass !== null) {
      t.bypassKnown++;
      if (bypass) t.bypass++;
    }
    if (!ok && code !== null && code !== 0) {
      const f = t.failures.get(code) ?? { phrase: str(r.finalSipCodePhrase), calls: 0 };
      f.calls++;
      t.failures.set(code, f);
    }
    const at = Date.parse(str(r.startDateTime) ?? str(r.inviteDateTime) ?? '');
    const index = Math.floor((at - origin) / bucketMs);
    if (Number.isFinite(index) && index >= 0 && index < bucketCount) {
      t.buckets[index]!.calls++;
      if (!ok) t.buckets[index]!.failed++;
    }
  }
  const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
  return [...byTrunk.entries()]
    .map(([trunk, t]) => ({
      trunk,
      calls: t.calls,
      successful: t.ok,
      successRate: ratio(t.ok, t.calls),
      networkEffectivenessRatio: ratio(t.delivered, t.calls),
      answerSeizureRatio: ratio(t.answered, t.calls),
      mediaBypassShare: ratio(t.bypass, t.bypassKnown),
      topFailures: [...t.failures.entries()]
        .map(([code, f]) => ({ code, phrase: f.phrase, meaning: sipMeaning(code).meaning, calls: f.calls }))
        .sort((a, b) => b.calls - a.calls || a.code - b.code)
        .slice(0, options.topFailures ?? 5),
      overTime: t.buckets.map((b, i) => ({ start: new Date(origin + i * bucketMs).toISOString(), calls: b.calls, failed: b.failed })),
    }))
    .sort((a, b) => b.calls - a.calls || a.trunk.localeCompare(b.trunk));
}

export interface BlockedUser {
  readonly userId: string | null;
  readonly userDisplayName: string | null;
  readonly userPrincipalName: string | null;
  /** As Graph returns it. */
  readonly userTelephoneNumber: string | null;
  readonly blockedSince: string | null;
  readonly blockReason: string | null;
}

/** Users whose latest action in the rows is a block. */
export function blockedNow(rows: readonly unknown[]): BlockedUser[] {
  const latest = new Map<string, Readonly<Record<string, unknown>>>();
  for (const row of rows) {
    const r = obj(row) ?? {};
    const key = (str(r.userId) ?? str(r.userPrincipalName) ?? '').toLowerCase();
    const seen = latest.get(key);
    if (!seen || Date.parse(str(r.blockDateTime) ?? '') >= Date.parse(str(seen.blockDateTime) ?? '')) latest.set(key, r);
  }
  return [...latest.values()]
    .filter((r) => enumValue(r.userBlockMode) === 'blocked')
    .map((r) => ({
      userId: str(r.userId),
      userDisplayName: str(r.userDisplayName),
      userPrincipalName: str(r.userPrincipalName),
      userTelephoneNumber: str(r.userTelephoneNumber),
      blockedSince: str(r.blockDateTime),
      blockReason: str(r.blockReason),
    }))
    .sort((a, b) => Date.parse(b.blockedSince ?? '') - Date.parse(a.blockedSince ?? ''));
}

export interface SmsFailure {
  readonly smsId: string | null;
  readonly sentDateTime: string | null;
  readonly userDisplayName: string | null;
  readonly userPrincipalName: string | null;
  /** As Graph returns them (possibly partly masked). */
  readonly sourceNumber: string | null;
  readonly destinationNumber: string | null;
  readonly destinationName: string | null;
  readonly explanation: string;
}

/** Outgoing texts the log shows as not sent (see sms.ts for why that is the only failure it can show). */
export function smsFailures(rows: readonly unknown[]): SmsFailure[] {
  return rows
    .map((row) => ({ r: obj(row) ?? {}, e: explainSms(row) }))
    .filter(({ e }) => e.status === 'notSent')
    .map(({ r, e }) => ({
      smsId: str(r.smsId),
      sentDateTime: str(r.sentDateTime),
      userDisplayName: str(r.userDisplayName),
      userPrincipalName: str(r.userPrincipalName),
      sourceNumber: str(r.sourceNumber),
      destinationNumber: str(r.destinationNumber),
      destinationName: str(r.destinationName),
      explanation: e.summary,
    }))
    .sort((a, b) => Date.parse(b.sentDateTime ?? '') - Date.parse(a.sentDateTime ?? ''));
}

export interface DialoutByDestination {
  readonly destinationContext: string;
  readonly currency: string | null;
  readonly users: number;
  readonly calls: number;
  readonly minutes: number;
  readonly charge: number;
}

/** Audio-conferencing dial-out summed per destination context and currency (charges never add across currencies). */
export function dialoutByDestination(rows: readonly unknown[]): DialoutByDestination[] {
  const groups = new Map<string, { destinationContext: string; currency: string | null; users: Set<string>; calls: number; seconds: number; cents: number }>();
  for (const row of rows) {
    const r = obj(row) ?? {};
    const destinationContext = str(r.destinationContext) ?? 'Unknown';
    const currency = str(r.currency);
    const key = `${destinationContext}|${currency ?? ''}`;
    const g = groups.get(key) ?? { destinationContext, currency, users: new Set<string>(), calls: 0, seconds: 0, cents: 0 };
    g.users.add((str(r.userId) ?? '').toLowerCase());
    g.calls += num(r.totalCalls) ?? 0;
    g.seconds += num(r.totalCallSeconds) ?? 0;
    // Summed in cents: adding decimal fractions in floating point drifts.
    g.cents += Math.round((num(r.totalCallCharge) ?? 0) * 100);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ destinationContext: g.destinationContext, currency: g.currency, users: g.users.size, calls: g.calls, minutes: Math.round((g.seconds / 60) * 10) / 10, charge: g.cents / 100 }))
    .sort((a, b) => b.charge - a.charge || a.destinationContext.localeCompare(b.destinationContext));
}
