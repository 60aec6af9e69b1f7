// Test support that other folders may use: contract suites for the storage ports (run them
// against every implementation) and builders. Imports vitest, so product code never imports this.
export { describeCallIndexContract, type ContractSubject } from './callIndexContract.js';
export { describeCallRecordCacheContract } from './callRecordCacheContract.js';
export { describeBudgetLedgerContract, type SharedLedgerHandles } from './budgetLedgerContract.js';
export { aCallSummary, aFullCallRecord, aParticipant } from './builders.js';
export { scriptedFetch, json, graphErrorResponse, route, droppedConnection, stalledBody, brokenBody, type ScriptedFetch, type SeenRequest } from './scriptedFetch.js';
export { recordingLogger, type LogEntry } from './recordingLogger.js';
export { graphServicesOver, type ScriptedServicesOptions } from './servicesOverScriptedFetch.js';
