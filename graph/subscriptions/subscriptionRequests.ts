// Change-notification subscriptions for call records (reference §7.1), as data.
import { buckets } from '../budget/buckets.js';
import { checkParticipantId } from '../callRecords/requests.js';
import type { Subscription } from '../contract.js';
import { GraphInputError } from '../errors.js';
import type { GraphRequest } from '../http/graphRequest.js';

export const CALL_RECORDS_RESOURCE = '/communications/callRecords';
/** Graph's maximum lifetime of a callRecord subscription, counted on Graph's clock. */
export const GRAPH_MAX_EXPIRATION_MINUTES = 4230;
/** A client clock up to this far ahead of Graph's still asks for less than Graph allows instead of getting a 400. */
const CLOCK_SKEW_MARGIN_MINUTES = 30;
/** The longest lifetime Call Doctor asks for (4,200 minutes). */
export const MAX_EXPIRATION_MINUTES = GRAPH_MAX_EXPIRATION_MINUTES - CLOCK_SKEW_MARGIN_MINUTES;
/** Renew once less than this remains: a day ahead, so a failed renewal has many retries before the subscription lapses. */
export const RENEW_BEFORE_EXPIRY_MINUTES = 24 * 60;
const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The subscription filter is on `participants` (the list API's is on `participants_v2`); `or` joins several. */
export function subscriptionResource(participantIds: readonly string[] | undefined): string {
  if (!participantIds || participantIds.length === 0) return CALL_RECORDS_RESOURCE;
  const clauses = participantIds.map((id) => `p/id eq '${checkParticipantId(id)}'`).join(' or ');
  return `${CALL_RECORDS_RESOURCE}?$filter=participants/any(p:${clauses})`;
}

export function expirationDateTime(now: Date, minutes: number | undefined): string {
  if (minutes !== undefined && !(minutes > 0)) throw new GraphInputError(`expiresInMinutes must be positive (got ${minutes})`);
  const capped = Math.min(minutes ?? MAX_EXPIRATION_MINUTES, MAX_EXPIRATION_MINUTES);
  return new Date(now.getTime() + capped * 60_000).toISOString();
}

/** When a subscription should be renewed: a day before it expires. An unreadable expiry is due now. */
export function renewalDueAt(subscription: Pick<Subscription, 'expirationDateTime'>, now: Date): Date {
  const expiresAt = Date.parse(subscription.expirationDateTime);
  return Number.isNaN(expiresAt) ? now : new Date(expiresAt - RENEW_BEFORE_EXPIRY_MINUTES * 60_000);
}

export function checkSubscriptionId(id: string): string {
  if (!SUBSCRIPTION_ID.test(id)) throw new GraphInputError(`"${id.slice(0, 60)}" is not a subscription id (expected a GUID)`);
  return id;
}

const base = { version: 'v1.0', buckets: buckets.none() } as const;

export const subscriptionRequests = {
  create: (body: Record<string, unknown>): GraphRequest => ({ ...base, method: 'POST', path: '/subscriptions', body, logPath: '/subscriptions' }),
  renew: (id: string, expiration: string): GraphRequest => ({
    ...base,
    method: 'PATCH',
    path: `/subscriptions/${checkSubscriptionId(id)}`,
    body: { expirationDateTime: expiration },
    logPath: `/subscriptions/${id}`,
  }),
  reauthorize: (id: string): GraphRequest => ({ ...base, method: 'POST', path: `/subscriptions/${checkSubscriptionId(id)}/reauthorize`, logPath: `/subscriptions/${id}/reauthorize` }),
  remove: (id: string): GraphRequest => ({ ...base, method: 'DELETE', path: `/subscriptions/${checkSubscriptionId(id)}`, logPath: `/subscriptions/${id}` }),
  list: (): GraphRequest => ({ ...base, method: 'GET', path: '/subscriptions', logPath: '/subscriptions' }),
};
