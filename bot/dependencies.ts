// Everything the bot receives from the composition root (server/). Nothing here is read from the
// environment or built at import time, so tests and the server wire the same code differently.
import type { Storage } from 'botbuilder';
import type { PromptCompletionModel } from '@microsoft/teams-ai';
import type { CallDoctorAdapter } from './adapter.js';
import type { CallRecordsService, DirectRoutingLogRow, FullCallRecord, PstnCallLogRow } from '../graph/contract.js';
import type { Logger } from '../graph/logger.js';
import type { Diagnosis } from '../diagnosis/types.js';
import type { AlertPreferenceStore, ChannelDigestStore, ConversationReferenceStore, FeedbackStore, ForgettableData, PendingDiagnosisStore } from './ports.js';

/** A phone-call report row with the report it came from. */
export type PhoneCallRow =
  | { readonly kind: 'pstn'; readonly row: PstnCallLogRow }
  | { readonly kind: 'directRouting'; readonly row: DirectRoutingLogRow };

/** A plain-language explanation of one phone call (diagnosis/ builds it; the bot only renders it). */
export interface PhoneCallExplanation {
  readonly outcome: 'connected' | 'failed' | 'unknown';
  /** One or two sentences, e.g. "The number was busy (SIP 486)." */
  readonly summary: string;
  /** What to do next, when there is something to do. */
  readonly advice?: string;
}

export interface BotLinks {
  /** Deep link into the tab's call detail view. */
  callDetails(callId: string): string;
  /** Deep link into the tab's list of recent calls. */
  recentCalls(): string;
}

export interface BotStores {
  readonly conversations: ConversationReferenceStore;
  readonly alertPreferences: AlertPreferenceStore;
  readonly feedback: FeedbackStore;
  readonly pending: PendingDiagnosisStore;
  readonly digests: ChannelDigestStore;
}

/** Azure OpenAI settings for the optional ActionPlanner; without them the intent router answers alone. */
export interface PlannerSettings {
  readonly endpoint: string;
  readonly deployment: string;
  /** When absent, `tokenProvider` must authenticate (managed identity / Entra). */
  readonly apiKey?: string;
  readonly apiVersion?: string;
  readonly tokenProvider?: () => Promise<string>;
}

export interface BotDependencies {
  /** The Entra tenant whose call records the bot reads; activities from any other tenant are refused. */
  readonly tenantId: string;
  readonly calls: CallRecordsService;
  readonly diagnose: (record: FullCallRecord, userId: string) => Diagnosis;
  /** Explains PSTN and Direct Routing rows; without it the bot gives a short built-in explanation. */
  readonly explainPhoneCall?: (call: PhoneCallRow) => PhoneCallExplanation;
  readonly stores: BotStores;
  /**
   * What "forget my data" deletes besides the bot's own stores: the call index, the alert log and
   * any other store keyed by the person (server/ wires them). Each is named in the reply.
   */
  readonly otherUserData?: readonly ForgettableData[];
  /**
   * The user members (Entra object ids, lower case) of a team's group, or null when the group is
   * unknown: "daily digest on" is accepted only from a member. Without it the digest is refused.
   */
  readonly teamMembers?: (groupId: string) => Promise<ReadonlySet<string> | null>;
  readonly links: BotLinks;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Needed for proactive sends; createBot builds an anonymous one when absent. */
  readonly adapter?: CallDoctorAdapter;
  readonly botAppId?: string;
  /** Turn-state storage; MemoryStorage when absent. */
  readonly storage?: Storage;
  readonly planner?: PlannerSettings;
  /**
   * A prebuilt teams-ai model for the planner (tests pass TestModel); takes precedence over
   * `planner`'s Azure OpenAI settings.
   */
  readonly plannerModel?: PromptCompletionModel;
  /**
   * How long a turn may take before it answers with a still-working notice and sends the real answer
   * when ready (handlers/turnDeadline.ts). Default 8 s, inside the Bot Connector's ~15 s.
   */
  readonly turnDeadlineMs?: number;
  /** Send "typing..." while a question is worked on. Default true; tests turn it off. */
  readonly typingIndicator?: boolean;
}
