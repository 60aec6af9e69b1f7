// The public surface of diagnosis/: what the bot, the tab, the alerts and the CLI may use.
export { parseCallRecord, organizerId } from './parse.js';
export type { ParseResult } from './parse.js';
export { diagnoseCall } from './diagnose.js';
export type { DiagnoseOptions } from './diagnose.js';
export { resolveThresholds, DEFAULT_THRESHOLDS, THRESHOLD_TABLE, THRESHOLD_KEYS } from './thresholds.js';
export type { Thresholds, ThresholdKey, ThresholdDefinition } from './thresholds.js';
export { explainPstnCall, explainDirectRoutingCall, maskPhoneNumber } from './phone/index.js';
export type { PhoneCallExplanation } from './phone/index.js';
export type { CallRecordInput } from './input.js';
export type * from './types.js';
export * as patterns from './patterns/index.js';
