// In-memory implementations of bot/ports.ts, for tests. Each instance is independent.
import type { ConversationReference } from 'botbuilder';
import { checkAlertSettingsChange } from '../alertRules/alertSettings.js';
import type { BotStores } from '../dependencies.js';
import type { AlertMode, AlertSettings, ChannelDigestSubscription, FeedbackEntry, PendingDiagnosis, UserKey } from '../ports.js';
import { DEFAULT_ALERT_SETTINGS } from '../ports.js';

const keyOf = (user: UserKey): string => `${user.tenantId}/${user.userId}`;

export interface MemoryStores extends BotStores {
  readonly references: Map<string, Partial<ConversationReference>>;
  /** Alert mode per `${tenantId}/${userId}` (kept in step with alertSettings). */
  readonly alertModes: Map<string, AlertMode>;
  readonly alertSettings: Map<string, AlertSettings>;
  readonly feedbackEntries: FeedbackEntry[];
  readonly pendingRequests: PendingDiagnosis[];
  readonly digestSubscriptions: Map<string, ChannelDigestSubscription>;
}

/** Removes the entries `matches` selects from an array in place; returns how many went. */
function removeWhere<T>(items: T[], matches: (item: T) => boolean): number {
  const before = items.length;
  const kept = items.filter((item) => !matches(item));
  items.splice(0, items.length, ...kept);
  return before - kept.length;
}

export function createMemoryStores(): MemoryStores {
  const references = new Map<string, Partial<ConversationReference>>();
  const alertModes = new Map<string, AlertMode>();
  const alertSettings = new Map<string, AlertSettings>();
  const feedbackEntries: FeedbackEntry[] = [];
  const pendingRequests: PendingDiagnosis[] = [];
  const digestSubscriptions = new Map<string, ChannelDigestSubscription>();
  const settingsOf = (user: UserKey): AlertSettings => ({ ...(alertSettings.get(keyOf(user)) ?? DEFAULT_ALERT_SETTINGS), mode: alertModes.get(keyOf(user)) ?? 'all' });
  const update = (user: UserKey, change: Partial<AlertSettings>): void => {
    checkAlertSettingsChange(change);
    const next = { ...settingsOf(user), ...change };
    alertSettings.set(keyOf(user), next);
    alertModes.set(keyOf(user), next.mode);
  };
  const forgetKey = (map: Map<string, unknown>, user: UserKey): number => (map.delete(keyOf(user)) ? 1 : 0);
  return {
    references,
    alertModes,
    alertSettings,
    feedbackEntries,
    pendingRequests,
    digestSubscriptions,
    conversations: {
      save: async (user, reference) => void references.set(keyOf(user), reference),
      get: async (user) => references.get(keyOf(user)),
      remove: async (user) => void references.delete(keyOf(user)),
      forgetUser: async (user) => forgetKey(references, user),
    },
    alertPreferences: {
      get: async (user) => alertModes.get(keyOf(user)) ?? 'all',
      set: async (user, mode) => update(user, { mode }),
      getSettings: async (user) => settingsOf(user),
      update: async (user, change) => update(user, change),
      forgetUser: async (user) => {
        const had = alertModes.has(keyOf(user)) || alertSettings.has(keyOf(user));
        alertModes.delete(keyOf(user));
        alertSettings.delete(keyOf(user));
        return had ? 1 : 0;
      },
    },
    feedback: {
      record: async (entry) => {
        // One vote per answer, the last one wins, as the real stores keep it.
        removeWhere(feedbackEntries, (e) => keyOf(e.user) === keyOf(entry.user) && e.callId === entry.callId);
        feedbackEntries.push(entry);
      },
      forgetUser: async (user) => removeWhere(feedbackEntries, (e) => keyOf(e.user) === keyOf(user)),
    },
    pending: {
      add: async (request) => void pendingRequests.push(request),
      take: async (user, now) => {
        const mine = pendingRequests.filter((r) => keyOf(r.user) === keyOf(user));
        for (const request of mine) pendingRequests.splice(pendingRequests.indexOf(request), 1);
        return mine.filter((r) => r.expiresAt > now);
      },
      forgetUser: async (user) => removeWhere(pendingRequests, (r) => keyOf(r.user) === keyOf(user)),
    },
    digests: {
      save: async (subscription) => void digestSubscriptions.set(`${subscription.tenantId}/${subscription.channelId}`, subscription),
      remove: async (tenantId, channelId) => digestSubscriptions.delete(`${tenantId}/${channelId}`),
      get: async (tenantId, channelId) => digestSubscriptions.get(`${tenantId}/${channelId}`),
      list: async () => [...digestSubscriptions.values()],
      markPosted: async (tenantId, channelId, at) => {
        const key = `${tenantId}/${channelId}`;
        const found = digestSubscriptions.get(key);
        if (found) digestSubscriptions.set(key, { ...found, lastPostedAt: at });
      },
    },
  };
}
