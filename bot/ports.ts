// What the bot needs stored. server/store implements these (SQLite in demo mode, Azure Tables in
// production); bot/testing has in-memory versions. Keys are tenant + Entra object id because a
// bot serves many tenants and an object id is only unique inside one.
import type { ConversationReference } from 'botbuilder';

export interface UserKey {
  readonly tenantId: string;
  /** Entra object id (activity.from.aadObjectId). */
  readonly userId: string;
}

/** Where proactive alerts for a user go: their personal chat with the bot. */
export interface ConversationReferenceStore {
  save(user: UserKey, reference: Partial<ConversationReference>): Promise<void>;
  get(user: UserKey): Promise<Partial<ConversationReference> | undefined>;
  remove(user: UserKey): Promise<void>;
}

/** all: every poor, dropped or failed call; drops: only dropped or failed calls; off: nothing. */
export type AlertMode = 'all' | 'drops' | 'off';

export interface AlertPreferenceStore {
  /** Users who never chose get 'all'. */
  get(user: UserKey): Promise<AlertMode>;
  set(user: UserKey, mode: AlertMode): Promise<void>;
}

export interface FeedbackEntry {
  readonly user: UserKey;
  readonly callId: string;
  readonly helpful: boolean;
  /** The top cause the answer gave, so feedback can be read per cause. */
  readonly causeCode: string | null;
  readonly at: Date;
}

export interface FeedbackStore {
  record(entry: FeedbackEntry): Promise<void>;
}

/** "Tell me when the record of my call arrives": the alert pipeline fulfils these. */
export interface PendingDiagnosis {
  readonly user: UserKey;
  readonly requestedAt: Date;
  /** Records can take up to 150 minutes; give up after this. */
  readonly expiresAt: Date;
}

export interface PendingDiagnosisStore {
  add(request: PendingDiagnosis): Promise<void>;
  /** Removes and returns the user's open requests not expired at `now`. */
  take(user: UserKey, now: Date): Promise<PendingDiagnosis[]>;
}
