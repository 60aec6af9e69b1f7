export { createSqliteStore, type SqliteStore, type BotStores } from './sqlite/createSqliteStore.js';
export type { FeedbackTally } from './sqlite/feedback.js';
