// In-memory alert stores: the reference the SQLite and Azure implementations are held to (they
// pass the same contract suite), and the stores of the pipeline's unit tests.
import type { UserKey } from '../../../bot/index.js';
import type {
  AlertKey,
  AlertLog,
  AlertLogEntry,
  AlertQueue,
  AlertStores,
  AlertWork,
  Lease,
  LeasedWork,
  LeaseStore,
  PoisonEntry,
  ProcessedVersionLog,
  SubscriptionState,
  SubscriptionStateStore,
} from '../ports.js';

interface QueuedMessage {
  readonly id: number;
  readonly work: AlertWork;
  visibleAt: number;
  attempts: number;
  lease: string | null;
}

export function memoryAlertQueue(now: () => Date): AlertQueue {
  const messages = new Map<number, QueuedMessage>();
  const poisoned: PoisonEntry[] = [];
  let nextId = 1;
  let nextLease = 1;
  const held = (leased: LeasedWork): QueuedMessage | undefined => {
    const [id, lease] = leased.receipt.split(':');
    const message = messages.get(Number(id));
    return message !== undefined && message.lease === lease ? message : undefined;
  };
  return {
    async enqueue(batch) {
      const at = now().getTime();
      for (const work of batch) {
        const id = nextId++;
        messages.set(id, { id, work, visibleAt: at, attempts: 0, lease: null });
      }
    },
    async receive(max, visibilityTimeoutMs) {
      const at = now().getTime();
      const visible = [...messages.values()].filter((m) => m.visibleAt <= at).sort((a, b) => a.visibleAt - b.visibleAt || a.id - b.id);
      return visible.slice(0, Math.max(0, max)).map((m) => {
        m.attempts += 1;
        m.lease = String(nextLease++);
        m.visibleAt = at + visibilityTimeoutMs;
        return { work: m.work, attempt: m.attempts, receipt: `${m.id}:${m.lease}` };
      });
    },
    async complete(leased) {
      const message = held(leased);
      if (message === undefined) return false;
      messages.delete(message.id);
      return true;
    },
    async retryLater(leased, delayMs) {
      const message = held(leased);
      if (message === undefined) return false;
      message.lease = null;
      message.visibleAt = now().getTime() + delayMs;
      return true;
    },
    async poison(leased, reason) {
      const message = held(leased);
      if (message === undefined) return;
      messages.delete(message.id);
      poisoned.push({ work: message.work, reason, attempts: message.attempts, poisonedAt: now() });
    },
    async listPoison(limit) {
      return [...poisoned].reverse().slice(0, limit);
    },
  };
}

export function memoryProcessedVersions(): ProcessedVersionLog {
  const versions = new Map<string, number>();
  return {
    async get(tenantId, callId) {
      return versions.get(`${tenantId}|${callId}`);
    },
    async record(tenantId, callId, version) {
      const key = `${tenantId}|${callId}`;
      versions.set(key, Math.max(version, versions.get(key) ?? -Infinity));
    },
  };
}

export function memoryAlertLog(now: () => Date): AlertLog {
  const entries = new Map<string, AlertLogEntry>();
  const keyOf = (k: AlertKey): string => JSON.stringify([k.tenantId, k.userId, k.callId]);
  const mine = (user: UserKey) => [...entries.values()].filter((e) => e.tenantId === user.tenantId && e.userId === user.userId);
  return {
    async claim(key, reason, staleAfterMs) {
      const existing = entries.get(keyOf(key));
      const at = now();
      if (existing?.state === 'sent') return 'sent';
      if (existing !== undefined && existing.claimedAt.getTime() + staleAfterMs > at.getTime()) return 'busy';
      entries.set(keyOf(key), { tenantId: key.tenantId, userId: key.userId, callId: key.callId, state: 'sending', claimedAt: at, sentAt: null, reason });
      return 'claimed';
    },
    async markSent(key) {
      const existing = entries.get(keyOf(key));
      if (existing !== undefined) entries.set(keyOf(key), { ...existing, state: 'sent', sentAt: now() });
    },
    async release(key) {
      if (entries.get(keyOf(key))?.state === 'sending') entries.delete(keyOf(key));
    },
    async countSince(user, since) {
      return mine(user).filter((e) => e.claimedAt.getTime() >= since.getTime()).length;
    },
    async listForUser(user) {
      return mine(user).sort((a, b) => b.claimedAt.getTime() - a.claimedAt.getTime());
    },
    async removeUser(user) {
      const gone = mine(user);
      for (const entry of gone) entries.delete(keyOf(entry));
      return gone.length;
    },
  };
}

export function memorySubscriptionStates(): SubscriptionStateStore {
  const states = new Map<string, SubscriptionState>();
  return {
    async get(name) {
      return states.get(name);
    },
    async put(name, state) {
      states.set(name, state);
    },
    async touch(name, at) {
      const state = states.get(name);
      if (state !== undefined && at.getTime() > state.coveredUntil.getTime()) states.set(name, { ...state, coveredUntil: at });
    },
    async remove(name) {
      states.delete(name);
    },
  };
}

export function memoryLeases(now: () => Date): LeaseStore {
  const leases = new Map<string, Lease>();
  const take = (name: string, holder: string, ttlMs: number): Lease => {
    const lease = { name, holder, expiresAt: new Date(now().getTime() + ttlMs) };
    leases.set(name, lease);
    return lease;
  };
  return {
    async acquire(name, holder, ttlMs) {
      const current = leases.get(name);
      if (current !== undefined && current.holder !== holder && current.expiresAt.getTime() > now().getTime()) return undefined;
      return take(name, holder, ttlMs);
    },
    async renew(name, holder, ttlMs) {
      const current = leases.get(name);
      if (current === undefined || current.holder !== holder || current.expiresAt.getTime() <= now().getTime()) return undefined;
      return take(name, holder, ttlMs);
    },
    async release(name, holder) {
      if (leases.get(name)?.holder === holder) leases.delete(name);
    },
  };
}

export function createMemoryAlertStores(now: () => Date): AlertStores {
  return {
    queue: memoryAlertQueue(now),
    processed: memoryProcessedVersions(),
    log: memoryAlertLog(now),
    subscriptions: memorySubscriptionStates(),
    leases: memoryLeases(now),
  };
}
