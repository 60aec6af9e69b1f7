// What other folders may use from graph/. Test support (contract suites, builders, a scripted
// fetch) is in graph/testing/index.ts, which imports vitest and is for tests only.
//
// server/ builds the services once per tenant:
//   const graph = createGraphServices({ settings: config.graph, logger, now, cache, index });
// and hands out graph.callRecords and graph.subscriptions (bot, tab API) and graph.feed (alerts:
// recordNotified per change notification, backfill after a lapse, prune about daily).
export type * from './contract.js';
export * from './errors.js';
export { silentLogger, type Logger, type LogFields } from './logger.js';
export type { GraphAuth, GraphSettings } from './settings.js';
export { createCredential } from './auth/createCredential.js';
export type { CallIndex, CallRecordCache, IndexCoverage, RecentRange } from './ports.js';
export { createGraphServices, type GraphServices, type GraphServicesOptions } from './createGraphServices.js';
export { GraphBudget, type BudgetOptions, type BudgetSnapshot } from './budget/graphBudget.js';
export { GRAPH_LIMITS, type BudgetLimits, type BucketLimit } from './budget/buckets.js';
export type { DirectoryService, DirectoryUser } from './groups/types.js';
export type { AppInstallationService, InstallOutcome } from './teamwork/appInstallations.js';
export { MemoryCallIndex } from './stores/memoryCallIndex.js';
export { MemoryCallRecordCache } from './stores/memoryCallRecordCache.js';
export { mergeSummary, compareNewestFirst } from './stores/mergeSummary.js';
