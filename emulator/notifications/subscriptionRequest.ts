// Validation of POST/PATCH /subscriptions bodies for call records (§7.1). Each mistake gets the
// 400 Graph would give, with a message naming the field.
import { GraphHttpError } from '../http/graphError.js';
import { isObject } from '../store/json.js';

export const MAX_EXPIRATION_MINUTES = 4230;
const MAX_CLIENT_STATE = 128;

export interface SubscriptionRequest {
  readonly changeTypes: ReadonlySet<'created' | 'updated'>;
  /** As given, e.g. "/communications/callRecords?$filter=participants/any(p:p/id eq '…')". */
  readonly resource: string;
  /** Normalised for duplicate detection. */
  readonly resourceKey: string;
  /** Participant ids from the filter; undefined means every call. */
  readonly participantIds: ReadonlySet<string> | undefined;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string | null;
  readonly expirationDateTime: Date;
  readonly clientState: string | null;
  readonly latestSupportedTlsVersion: string;
}

const invalid = (message: string): GraphHttpError => new GraphHttpError(400, 'InvalidRequest', message);

export function parseSubscriptionRequest(body: unknown, now: Date): SubscriptionRequest {
  if (!isObject(body)) throw invalid('The request body must be a subscription object.');
  const changeTypes = parseChangeType(body.changeType);
  const { resource, resourceKey, participantIds } = parseResource(body.resource);
  const notificationUrl = parseUrl(body.notificationUrl, 'notificationUrl', true);
  const lifecycleNotificationUrl = body.lifecycleNotificationUrl == null ? null : parseUrl(body.lifecycleNotificationUrl, 'lifecycleNotificationUrl', true);
  const expirationDateTime = parseExpiration(body.expirationDateTime, now);
  if (body.clientState != null && (typeof body.clientState !== 'string' || body.clientState.length > MAX_CLIENT_STATE)) {
    throw invalid(`clientState must be a string of at most ${MAX_CLIENT_STATE} characters.`);
  }
  if (body.includeResourceData === true) throw invalid('Rich notifications (includeResourceData) are not supported for the resource communications/callRecords.');
  const tls = body.latestSupportedTlsVersion ?? 'v1_2';
  if (typeof tls !== 'string' || !['v1_0', 'v1_1', 'v1_2', 'v1_3'].includes(tls)) throw invalid("latestSupportedTlsVersion must be one of v1_0, v1_1, v1_2, v1_3.");
  return { changeTypes, resource, resourceKey, participantIds, notificationUrl, lifecycleNotificationUrl, expirationDateTime, clientState: (body.clientState as string | null | undefined) ?? null, latestSupportedTlsVersion: tls };
}

export function parseChangeType(raw: unknown): ReadonlySet<'created' | 'updated'> {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid("changeType is required: 'created', 'updated' or 'created,updated'.");
  const types = new Set<'created' | 'updated'>();
  for (const part of raw.split(',').map((p) => p.trim())) {
    if (part !== 'created' && part !== 'updated') throw invalid(`changeType '${part.slice(0, 40)}' is not supported for communications/callRecords; use created and/or updated.`);
    types.add(part);
  }
  return types;
}

const PARTICIPANT_EQ = /^p\/id\s+eq\s+'([^']+)'$/;
const PARTICIPANT_IN = /^p\/id\s+in\s+\(\s*((?:'[^']+'\s*,\s*)*'[^']+')\s*\)$/;

function parseResource(raw: unknown): Pick<SubscriptionRequest, 'resource' | 'resourceKey' | 'participantIds'> {
  if (typeof raw !== 'string') throw invalid("resource is required, e.g. '/communications/callRecords'.");
  const resource = raw.trim();
  const [path = '', query] = resource.split('?', 2) as [string, string | undefined];
  if (path.replace(/^\//, '').replace(/\/$/, '').toLowerCase() !== 'communications/callrecords') {
    throw invalid(`Resource '${path.slice(0, 80)}' is not supported by this emulator; it emulates change notifications for /communications/callRecords only.`);
  }
  if (query === undefined) return { resource, resourceKey: 'communications/callrecords', participantIds: undefined };
  const filter = new URLSearchParams(query.replace(/\+/g, '%2B')).get('$filter');
  const lambda = filter ? /^participants\/any\(\s*p\s*:\s*(.+)\)$/.exec(filter.trim()) : null;
  if (!lambda) throw invalid("The subscription resource supports only $filter=participants/any(p:p/id eq '<id>'), with 'or' or 'in' for several ids.");
  const ids = new Set<string>();
  for (const clause of lambda[1]!.split(/\s+or\s+/)) {
    const eq = PARTICIPANT_EQ.exec(clause.trim());
    const inList = PARTICIPANT_IN.exec(clause.trim());
    if (eq) ids.add(eq[1]!);
    else if (inList) for (const m of inList[1]!.matchAll(/'([^']+)'/g)) ids.add(m[1]!);
    else throw invalid(`Unsupported clause '${clause.slice(0, 80)}' in the subscription filter; use p/id eq '<id>' joined with or, or p/id in ('<id>', ...).`);
  }
  return { resource, resourceKey: `communications/callrecords?participants=${[...ids].sort().join(',')}`, participantIds: ids };
}

function parseUrl(raw: unknown, name: string, required: boolean): string {
  if (typeof raw !== 'string' || raw === '') {
    if (required) throw invalid(`${name} is required.`);
    return '';
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`${name} must be an absolute URL.`);
  }
  // Graph requires https; the emulator also allows http on loopback so demo mode needs no certificate.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw invalid(`${name} must use https (http is accepted for localhost only).`);
  return raw;
}

export function parseExpiration(raw: unknown, now: Date): Date {
  const t = typeof raw === 'string' ? Date.parse(raw) : NaN;
  if (Number.isNaN(t)) throw invalid('expirationDateTime is required and must be an ISO 8601 date-time.');
  if (t <= now.getTime()) throw invalid('expirationDateTime must be in the future.');
  if (t > now.getTime() + MAX_EXPIRATION_MINUTES * 60_000) throw invalid(`Subscription expiration can only be ${MAX_EXPIRATION_MINUTES} minutes in the future for communications/callRecords.`);
  return new Date(t);
}
