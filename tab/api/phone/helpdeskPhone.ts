// The helpdesk's phone reports over a period: Direct Routing health per trunk, users blocked now,
// texts that did not go out, dial-out by destination; each also as CSV columns.
import { blockedNow, dialoutByDestination, smsFailures, trunkHealth } from '../../../diagnosis/index.js';
import type { BlockedUsersResponse, DialoutResponse, SmsFailuresResponse, TrunkHealthResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';
import type { CsvColumn } from './csv.js';
import { periodLiteral, type Period } from './period.js';

const query = { priority: 'interactive' as const };
/** The period's `to` is exclusive; the inclusive report functions get the instant just before it. */
const reportRange = (p: Period) => ({ from: p.from, to: new Date(p.to.getTime() - 1) });

export async function trunkHealthReport(deps: TabApiDependencies, period: Period): Promise<TrunkHealthResponse> {
  const rows = await deps.calls.directRoutingCalls(reportRange(period), query);
  const days = (period.to.getTime() - period.from.getTime()) / 86_400_000;
  // Hourly buckets for a day or two, daily beyond: a chart of 180 hourly points reads worse than a table.
  const bucketMs = days <= 2 ? 3_600_000 : 86_400_000;
  return { ...periodLiteral(period), trunks: trunkHealth(rows, { from: period.from, to: period.to, bucketMs }) };
}

export async function blockedUsersReport(deps: TabApiDependencies, period: Period): Promise<BlockedUsersResponse> {
  return { ...periodLiteral(period), users: blockedNow(await deps.calls.blockedUsersLog(reportRange(period), query)) };
}

export async function smsFailuresReport(deps: TabApiDependencies, period: Period): Promise<SmsFailuresResponse> {
  return { ...periodLiteral(period), failures: smsFailures(await deps.calls.smsLog(reportRange(period), query)) };
}

export async function dialoutReport(deps: TabApiDependencies, period: Period): Promise<DialoutResponse> {
  return { ...periodLiteral(period), destinations: dialoutByDestination(await deps.calls.onlineMeetingDialoutReport(reportRange(period), query)) };
}

type Trunk = TrunkHealthResponse['trunks'][number];
export const TRUNK_COLUMNS: readonly CsvColumn<Trunk>[] = [
  { header: 'trunk', value: (t) => t.trunk, verbatim: true },
  { header: 'calls', value: (t) => t.calls },
  { header: 'successful', value: (t) => t.successful },
  { header: 'successRate', value: (t) => t.successRate },
  { header: 'networkEffectivenessRatio', value: (t) => t.networkEffectivenessRatio },
  { header: 'answerSeizureRatio', value: (t) => t.answerSeizureRatio },
  { header: 'mediaBypassShare', value: (t) => t.mediaBypassShare },
  { header: 'topFailures', value: (t) => t.topFailures.map((f) => `${f.code} x${f.calls}`).join('; ') },
];

export const BLOCKED_COLUMNS: readonly CsvColumn<BlockedUsersResponse['users'][number]>[] = [
  { header: 'userId', value: (u) => u.userId, verbatim: true },
  { header: 'userDisplayName', value: (u) => u.userDisplayName },
  { header: 'userPrincipalName', value: (u) => u.userPrincipalName },
  { header: 'userTelephoneNumber', value: (u) => u.userTelephoneNumber, verbatim: true },
  { header: 'blockedSince', value: (u) => u.blockedSince, verbatim: true },
  { header: 'blockReason', value: (u) => u.blockReason },
];

export const SMS_FAILURE_COLUMNS: readonly CsvColumn<SmsFailuresResponse['failures'][number]>[] = [
  { header: 'smsId', value: (f) => f.smsId, verbatim: true },
  { header: 'sentDateTime', value: (f) => f.sentDateTime, verbatim: true },
  { header: 'userDisplayName', value: (f) => f.userDisplayName },
  { header: 'userPrincipalName', value: (f) => f.userPrincipalName },
  { header: 'sourceNumber', value: (f) => f.sourceNumber, verbatim: true },
  { header: 'destinationNumber', value: (f) => f.destinationNumber, verbatim: true },
  { header: 'destinationName', value: (f) => f.destinationName },
  { header: 'explanation', value: (f) => f.explanation },
];

export const DIALOUT_COLUMNS: readonly CsvColumn<DialoutResponse['destinations'][number]>[] = [
  { header: 'destinationContext', value: (d) => d.destinationContext },
  { header: 'currency', value: (d) => d.currency },
  { header: 'users', value: (d) => d.users },
  { header: 'calls', value: (d) => d.calls },
  { header: 'minutes', value: (d) => d.minutes },
  { header: 'charge', value: (d) => d.charge },
];
