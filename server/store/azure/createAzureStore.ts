import type { Store } from '../store.js';
import { azureBotState } from './botState.js';
import { azureAlertPreferences, azureConversationReferences, azureFeedback, azurePendingDiagnoses } from './botStores.js';
import { azureChannelDigests } from './channelDigests.js';
import { azureCallIndex, azureCallRecordCache } from './graphStores.js';
import { azureHelpdeskAudit } from './helpdeskAudit.js';
import { AzureTables } from './tables.js';

/** Every port on Azure Table Storage (STORE=azure), shared by all instances of the app. Tables are created on first use. */
export function createAzureStore(options: { connectionString: string; now: () => Date; tablePrefix?: string }): Store {
  const tables = new AzureTables(options.connectionString, options.tablePrefix);
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
    close: () => undefined,
  };
}
