import type { RequestOptions, Subscription, SubscriptionRequest, SubscriptionsService } from '../contract.js';
import { GraphError, GraphInputError } from '../errors.js';
import type { GraphExecutor } from '../http/graphExecutor.js';
import { CALL_RECORDS_RESOURCE, expirationDateTime, renewalDueAt, subscriptionRequests, subscriptionResource } from './subscriptionRequests.js';

/** Create, renew, reauthorize, delete and list call-record subscriptions. */
export class SubscriptionsClient implements SubscriptionsService {
  constructor(
    private readonly executor: GraphExecutor,
    private readonly now: () => Date,
  ) {}

  async create(request: SubscriptionRequest, options: RequestOptions = {}): Promise<Subscription> {
    for (const [name, url] of [['notificationUrl', request.notificationUrl], ['lifecycleNotificationUrl', request.lifecycleNotificationUrl]] as const) {
      if (url !== undefined && !deliverable(url)) throw new GraphInputError(`${name} must be an https URL (Graph delivers only over TLS) or an EventHub: URL`);
    }
    if (request.clientState.length > 128) throw new GraphInputError('clientState must be at most 128 characters');
    const body = {
      changeType: request.changeType ?? 'created,updated',
      notificationUrl: request.notificationUrl,
      ...(request.lifecycleNotificationUrl !== undefined && { lifecycleNotificationUrl: request.lifecycleNotificationUrl }),
      resource: subscriptionResource(request.participantIds),
      expirationDateTime: expirationDateTime(this.now(), request.expiresInMinutes),
      clientState: request.clientState,
      latestSupportedTlsVersion: 'v1_2',
    };
    try {
      return toSubscription(await this.executor.send(subscriptionRequests.create(body), withPriority(options)));
    } catch (error) {
      if (!(error instanceof GraphError && error.status === 409)) throw error;
      // "Already exists for the requested combination": e.g. a restart, or a create whose answer was lost.
      const existing = (await this.list(options)).find((s) => sameResource(s.resource, body.resource) && sameChangeTypes(s.changeType, body.changeType) && s.notificationUrl === body.notificationUrl);
      if (existing === undefined) throw error;
      return existing;
    }
  }

  async renew(id: string, expiresInMinutes?: number, options: RequestOptions = {}): Promise<Subscription> {
    return toSubscription(await this.executor.send(subscriptionRequests.renew(id, expirationDateTime(this.now(), expiresInMinutes)), withPriority(options)));
  }

  async renewIfDue(subscription: Subscription, options: RequestOptions = {}): Promise<{ subscription: Subscription; renewed: boolean; renewAt: Date }> {
    const now = this.now();
    const renewAt = renewalDueAt(subscription, now);
    if (renewAt.getTime() > now.getTime()) return { subscription, renewed: false, renewAt };
    const renewed = await this.renew(subscription.id, undefined, options);
    return { subscription: renewed, renewed: true, renewAt: renewalDueAt(renewed, this.now()) };
  }

  async reauthorize(id: string, options: RequestOptions = {}): Promise<void> {
    await this.executor.send(subscriptionRequests.reauthorize(id), withPriority(options));
  }

  async remove(id: string, options: RequestOptions = {}): Promise<void> {
    try {
      await this.executor.send(subscriptionRequests.remove(id), withPriority(options));
    } catch (error) {
      // Already gone (expired or removed elsewhere) is what the caller wanted.
      if (!(error instanceof GraphError && error.status === 404)) throw error;
    }
  }

  /** This app's call-record subscriptions (the app may hold others). */
  async list(options: RequestOptions = {}): Promise<Subscription[]> {
    const all = await this.executor.all<unknown>(subscriptionRequests.list(), withPriority(options));
    return all.map(toSubscription).filter((s) => s.resource.replace(/^\/?/, '/').startsWith(CALL_RECORDS_RESOURCE));
  }
}

/** Graph delivers to https (or Event Hubs); plain http is allowed only on loopback, for the emulator in demo mode. */
function deliverable(url: string): boolean {
  if (url.startsWith('EventHub:https://')) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname));
  } catch {
    return false;
  }
}

function sameResource(a: string, b: string): boolean {
  return a.replace(/^\/?/, '/').toLowerCase() === b.replace(/^\/?/, '/').toLowerCase();
}

function sameChangeTypes(a: string, b: string): boolean {
  const set = (value: string): string => value.split(',').map((t) => t.trim()).filter(Boolean).sort().join(',');
  return set(a) === set(b);
}

/** Subscription upkeep is background work unless a person is waiting on it. */
function withPriority(options: RequestOptions): RequestOptions {
  return { priority: 'background', ...options };
}

function toSubscription(json: unknown): Subscription {
  const s = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const text = (key: string): string => (typeof s[key] === 'string' ? (s[key] as string) : '');
  if (text('id') === '') throw new GraphError('Microsoft Graph returned a subscription without an id', 502, 'UnreadableSubscription', undefined);
  return {
    id: text('id'),
    resource: text('resource'),
    changeType: text('changeType'),
    notificationUrl: text('notificationUrl'),
    lifecycleNotificationUrl: typeof s.lifecycleNotificationUrl === 'string' ? s.lifecycleNotificationUrl : null,
    expirationDateTime: text('expirationDateTime'),
    clientState: typeof s.clientState === 'string' ? s.clientState : null,
  };
}
