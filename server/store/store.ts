import type { Storage } from 'botbuilder';
import type { AlertPreferenceStore, ConversationReferenceStore, PendingDiagnosisStore } from '../../bot/ports.js';
import type { CallIndex, CallRecordCache } from '../../graph/index.js';
import type { HelpdeskAuditLog } from '../../tab/api/ports.js';
import type { TalliedFeedbackStore } from './feedbackTally.js';

export interface BotStores {
  readonly conversations: ConversationReferenceStore;
  readonly alertPreferences: AlertPreferenceStore;
  readonly feedback: TalliedFeedbackStore;
  readonly pending: PendingDiagnosisStore;
}

/** Every storage port the server hands out, whichever backend holds them. */
export interface Store {
  readonly kind: 'sqlite' | 'azure';
  readonly bot: BotStores;
  readonly graph: { readonly cache: CallRecordCache; readonly index: CallIndex };
  /** teams-ai turn state, kept across restarts (and shared by instances with STORE=azure). */
  readonly botState: Storage;
  /** The tab API's helpdesk audit log. */
  readonly tab: { readonly audit: HelpdeskAuditLog };
  close(): void;
}
