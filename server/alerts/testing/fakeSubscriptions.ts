// Graph's subscriptions as a map, with expiry on the test's clock, for the manager's tests.
import { GraphError, type Subscription, type SubscriptionsService } from '../../../graph/index.js';

export interface FakeSubscriptions extends SubscriptionsService {
  readonly live: Map<string, Subscription>;
  readonly calls: string[];
}

const DAY_MS = 24 * 3_600_000;

export function fakeSubscriptions(now: () => Date): FakeSubscriptions {
  const live = new Map<string, Subscription>();
  const calls: string[] = [];
  let next = 1;
  const expire = (): void => {
    for (const [id, s] of live) if (Date.parse(s.expirationDateTime) <= now().getTime()) live.delete(id);
  };
  const lifetime = (minutes = 4200): string => new Date(now().getTime() + minutes * 60_000).toISOString();
  const get = (id: string): Subscription => {
    expire();
    const s = live.get(id);
    if (!s) throw new GraphError('subscription not found', 404, 'ResourceNotFound', undefined);
    return s;
  };
  const renew = async (id: string, minutes?: number): Promise<Subscription> => {
    calls.push(`renew ${id}`);
    const renewed = { ...get(id), expirationDateTime: lifetime(minutes) };
    live.set(id, renewed);
    return renewed;
  };
  return {
    live,
    calls,
    async create(request) {
      expire();
      calls.push('create');
      const id = `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;
      const s: Subscription = {
        id,
        resource: '/communications/callRecords',
        changeType: request.changeType ?? 'created,updated',
        notificationUrl: request.notificationUrl,
        lifecycleNotificationUrl: request.lifecycleNotificationUrl ?? null,
        expirationDateTime: lifetime(request.expiresInMinutes),
        clientState: request.clientState,
      };
      live.set(id, s);
      return s;
    },
    renew,
    async renewIfDue(subscription) {
      const dueAt = new Date(Date.parse(subscription.expirationDateTime) - DAY_MS);
      if (dueAt.getTime() > now().getTime()) return { subscription, renewed: false, renewAt: dueAt };
      const renewed = await renew(subscription.id);
      return { subscription: renewed, renewed: true, renewAt: new Date(Date.parse(renewed.expirationDateTime) - DAY_MS) };
    },
    async reauthorize(id) {
      calls.push(`reauthorize ${id}`);
      get(id);
    },
    async remove(id) {
      calls.push(`remove ${id}`);
      live.delete(id);
    },
    async list() {
      expire();
      return [...live.values()];
    },
  };
}
