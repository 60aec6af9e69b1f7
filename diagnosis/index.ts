// The public surface of diagnosis/: what the bot, the tab, the alerts and the CLI may use.
export { parseCallRecord, organizerId } from './parse.js';
export type { ParseResult } from './parse.js';
export { diagnoseCall } from './diagnose.js';
export type { DiagnoseOptions } from './diagnose.js';
export { resolveThresholds, DEFAULT_THRESHOLDS, THRESHOLD_TABLE, THRESHOLD_KEYS } from './thresholds.js';
export type { Thresholds, ThresholdKey, ThresholdDefinition } from './thresholds.js';
export { explainPstnCall, explainDirectRoutingCall, maskPhoneNumber, explainSms, explainBlocking, ENDED_BY_WORDS, SMS_STATUS_WORDS, trunkHealth, blockedNow, smsFailures, dialoutByDestination } from './phone/index.js';
export type { PhoneCallExplanation, PhoneCallDetail, SmsExplanation, SmsStatus, BlockExplanation, TrunkHealth, TrunkBucket, SipFailureCount, BlockedUser, SmsFailure, DialoutByDestination } from './phone/index.js';
export type { CallRecordInput } from './input.js';
export { SIDE_LABELS, sideLabel, NOTE_LABELS, noteLabel, causeLabel as causePhrase } from './labels.js';
export { VERDICT_TITLES, CAUSE_TITLES, causeTitle } from './titles.js';
export type { VerdictTitle } from './titles.js';
export type * from './types.js';
export * as patterns from './patterns/index.js';
