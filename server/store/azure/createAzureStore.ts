import type { AlertStores } from '../../alerts/ports.js';
import type { Store } from '../store.js';
import { azureAlertLog, azureProcessedVersions } from './alertLog.js';
import { azureAlertQueue } from './alertQueue.js';
import { azureLeases, azureSubscriptionStates } from './alertSubscriptions.js';
import { azureBotState } from './botState.js';
import { azureAlertPreferences, azureConversationReferences, azureFeedback, azurePendingDiagnoses } from './botStores.js';
import { azureChannelDigests } from './channelDigests.js';
import { azureCallIndex, azureCallRecordCache } from './graphStores.js';
import { azureHelpdeskAudit } from './helpdeskAudit.js';
import { AzureQueue } from './queues.js';
import { AzureTables } from './tables.js';

/** The queue infra/azure.bicep creates for the alert work. */
export const DEFAULT_ALERTS_QUEUE = 'calldoctor-alerts';

export interface AzureStore extends Store {
  readonly alerts: AlertStores;
}

export interface AzureStoreOptions {
  readonly connectionString: string;
  readonly now: () => Date;
  /** Prefix of every table name; tests give each store its own. */
  readonly tablePrefix?: string;
  /** Storage Queue carrying the alert work, shared by every instance. */
  readonly alertsQueue?: string;
}

/** Every port on Azure Storage (STORE=azure), shared by all instances of the app: Tables for state, a Storage Queue for alert work. Both are created on first use. */
export function createAzureStore(options: AzureStoreOptions): AzureStore {
  const tables = new AzureTables(options.connectionString, options.tablePrefix);
  const queue = new AzureQueue(options.connectionString, options.alertsQueue ?? DEFAULT_ALERTS_QUEUE);
  return {
    kind: 'azure',
    bot: {
      conversations: azureConversationReferences(tables, options.now),
      alertPreferences: azureAlertPreferences(tables, options.now),
      feedback: azureFeedback(tables),
      pending: azurePendingDiagnoses(tables),
      digests: azureChannelDigests(tables),
    },
    graph: { cache: azureCallRecordCache(tables), index: azureCallIndex(tables) },
    botState: azureBotState(tables),
    tab: { audit: azureHelpdeskAudit(tables, options.now) },
    alerts: {
      queue: azureAlertQueue(queue, tables, options.now),
      processed: azureProcessedVersions(tables),
      log: azureAlertLog(tables, options.now),
      subscriptions: azureSubscriptionStates(tables),
      leases: azureLeases(tables, options.now),
    },
    close: () => undefined,
  };
}
