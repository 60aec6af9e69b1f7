import type { Storage } from 'botbuilder';
import type { BotStores } from '../../bot/index.js';
import type { CallIndex, CallRecordCache } from '../../graph/index.js';
import type { HelpdeskAuditLog } from '../../tab/api/ports.js';
import type { AlertStores } from '../alerts/ports.js';
import type { TalliedFeedbackStore } from './feedbackTally.js';

/** The bot's stores (declared once, in bot/), with feedback that can also report its tally. */
export type StoredBotStores = BotStores & { readonly feedback: TalliedFeedbackStore };

/** Every storage port the server hands out, whichever backend holds them. */
export interface Store {
  readonly kind: 'sqlite' | 'azure';
  readonly bot: StoredBotStores;
  readonly graph: { readonly cache: CallRecordCache; readonly index: CallIndex };
  /** teams-ai turn state, kept across restarts (and shared by instances with STORE=azure). */
  readonly botState: Storage;
  /** The tab API's helpdesk audit log. */
  readonly tab: { readonly audit: HelpdeskAuditLog };
  /** The proactive alert pipeline's queue, logs, subscription state and lease; absent where a backend has none yet (the pipeline then stays off). */
  readonly alerts?: AlertStores;
  close(): void;
}
