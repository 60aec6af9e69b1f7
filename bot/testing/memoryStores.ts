// In-memory implementations of bot/ports.ts, for tests. Each instance is independent.
import type { ConversationReference } from 'botbuilder';
import type { BotStores } from '../dependencies.js';
import type { AlertMode, FeedbackEntry, PendingDiagnosis, UserKey } from '../ports.js';

const keyOf = (user: UserKey): string => `${user.tenantId}/${user.userId}`;

export interface MemoryStores extends BotStores {
  readonly references: Map<string, Partial<ConversationReference>>;
  readonly alertModes: Map<string, AlertMode>;
  readonly feedbackEntries: FeedbackEntry[];
  readonly pendingRequests: PendingDiagnosis[];
}

export function createMemoryStores(): MemoryStores {
  const references = new Map<string, Partial<ConversationReference>>();
  const alertModes = new Map<string, AlertMode>();
  const feedbackEntries: FeedbackEntry[] = [];
  const pendingRequests: PendingDiagnosis[] = [];
  return {
    references,
    alertModes,
    feedbackEntries,
    pendingRequests,
    conversations: {
      save: async (user, reference) => void references.set(keyOf(user), reference),
      get: async (user) => references.get(keyOf(user)),
      remove: async (user) => void references.delete(keyOf(user)),
    },
    alertPreferences: {
      get: async (user) => alertModes.get(keyOf(user)) ?? 'all',
      set: async (user, mode) => void alertModes.set(keyOf(user), mode),
    },
    feedback: { record: async (entry) => void feedbackEntries.push(entry) },
    pending: {
      add: async (request) => void pendingRequests.push(request),
      take: async (user, now) => {
        const mine = pendingRequests.filter((r) => keyOf(r.user) === keyOf(user));
        for (const request of mine) pendingRequests.splice(pendingRequests.indexOf(request), 1);
        return mine.filter((r) => r.expiresAt > now);
      },
    },
  };
}
