// What the bot needs stored. server/store implements these (SQLite in demo mode, Azure Tables in
// production); bot/testing has in-memory versions. Keys are tenant + Entra object id because a
// bot serves many tenants and an object id is only unique inside one.
import type { ConversationReference } from 'botbuilder';

export interface UserKey {
  readonly tenantId: string;
  /** Entra object id (activity.from.aadObjectId). */
  readonly userId: string;
}

/**
 * "Forget my data": every store holding something about a person deletes it on request and says
 * how many items went, so the bot can tell the asker what was deleted.
 */
export interface Forgettable {
  /** Deletes everything this store holds about the user; returns how many items it removed (0 when none). */
  forgetUser(user: UserKey): Promise<number>;
}

/** A store outside the bot's own (call index, alert log) with the words naming what it holds. */
export interface ForgettableData {
  /** Plural noun phrase for the reply, e.g. "call history entries". */
  readonly what: string;
  readonly store: Forgettable;
}

/** Where proactive alerts for a user go: their personal chat with the bot. */
export interface ConversationReferenceStore extends Forgettable {
  save(user: UserKey, reference: Partial<ConversationReference>): Promise<void>;
  get(user: UserKey): Promise<Partial<ConversationReference> | undefined>;
  remove(user: UserKey): Promise<void>;
}

/** all: every poor, dropped or failed call; drops: only dropped or failed calls; off: nothing. */
export type AlertMode = 'all' | 'drops' | 'off';

/** Local wall-clock times 'HH:MM' (24 h). start > end wraps midnight: 18:00 to 08:00. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

/** Everything the alert worker reads per user (the same shape as server/alerts' UserAlertRules). */
export interface AlertSettings {
  readonly mode: AlertMode;
  /** null: none (the default). */
  readonly quietHours: QuietHours | null;
  /** IANA time zone quiet hours and the cap's day are read in: the one the user last set a rule from; 'UTC' when unknown. */
  readonly timeZone: string;
  /** Most proactive alerts per local day. */
  readonly dailyCap: number;
}

export const DEFAULT_DAILY_CAP = 3;
/** The cap a user may choose: at least one alert a day (fewer is "turn alerts off"), at most 50. */
export const MAX_DAILY_CAP = 50;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { mode: 'all', quietHours: null, timeZone: 'UTC', dailyCap: DEFAULT_DAILY_CAP };

/** The fields a change names; the others stay as stored. */
export type AlertSettingsChange = Partial<AlertSettings>;

export interface AlertPreferenceStore extends Forgettable {
  /** Users who never chose get 'all'. */
  get(user: UserKey): Promise<AlertMode>;
  set(user: UserKey, mode: AlertMode): Promise<void>;
  /** Mode, quiet hours, time zone and cap; DEFAULT_ALERT_SETTINGS for what the user never chose. */
  getSettings(user: UserKey): Promise<AlertSettings>;
  /** Changes only the named fields. Throws on an unknown mode, a malformed 'HH:MM', an invalid zone or a cap outside 1..MAX_DAILY_CAP. */
  update(user: UserKey, change: AlertSettingsChange): Promise<void>;
}

export interface FeedbackEntry {
  readonly user: UserKey;
  readonly callId: string;
  readonly helpful: boolean;
  /** The top cause the answer gave, so feedback can be read per cause. */
  readonly causeCode: string | null;
  readonly at: Date;
}

export interface FeedbackStore extends Forgettable {
  record(entry: FeedbackEntry): Promise<void>;
}

/** "Tell me when the record of my call arrives": the alert pipeline fulfils these. */
export interface PendingDiagnosis {
  readonly user: UserKey;
  readonly requestedAt: Date;
  /** Records can take up to 150 minutes; give up after this. */
  readonly expiresAt: Date;
}

export interface PendingDiagnosisStore extends Forgettable {
  add(request: PendingDiagnosis): Promise<void>;
  /** Removes and returns the user's open requests not expired at `now`. */
  take(user: UserKey, now: Date): Promise<PendingDiagnosis[]>;
}

/** A team channel that asked for the daily digest ("daily digest on", @mentioned, by a team member). */
export interface ChannelDigestSubscription {
  readonly tenantId: string;
  /** The channel's conversation id (19:…@thread.tacv2): one digest per channel. */
  readonly channelId: string;
  /** The team's Microsoft 365 group id (channelData.team.aadGroupId), whose members' aggregates the digest shows. */
  readonly groupId: string;
  /** Where the digest is posted. No person is stored: the digest belongs to the channel. */
  readonly reference: Partial<ConversationReference>;
  readonly createdAt: Date;
  /** When the last digest went out; null before the first. */
  readonly lastPostedAt: Date | null;
}

export interface ChannelDigestStore {
  /** Stores or replaces the channel's subscription. */
  save(subscription: ChannelDigestSubscription): Promise<void>;
  /** True when there was one to remove. */
  remove(tenantId: string, channelId: string): Promise<boolean>;
  get(tenantId: string, channelId: string): Promise<ChannelDigestSubscription | undefined>;
  /** Every subscribed channel, for the daily job. */
  list(): Promise<ChannelDigestSubscription[]>;
  /** Notes a posted digest; a no-op when the channel unsubscribed meanwhile. */
  markPosted(tenantId: string, channelId: string, at: Date): Promise<void>;
}
