export type { Store, StoredBotStores } from './store.js';
export type { FeedbackTally, TalliedFeedbackStore } from './feedbackTally.js';
export { createSqliteStore, type SqliteStore } from './sqlite/createSqliteStore.js';
export { createAzureStore } from './azure/createAzureStore.js';
