// Phone-call explanations (PSTN and Direct Routing log rows).
export { explainPstnCall, explainDirectRoutingCall, ENDED_BY_WORDS } from './explain.js';
export type { PhoneCallExplanation, PhoneCallDetail, PstnRowInput, DirectRoutingRowInput } from './explain.js';
export { explainSms, SMS_STATUS_WORDS, type SmsExplanation, type SmsStatus } from './sms.js';
export { explainBlocking, type BlockExplanation } from './blocked.js';
export { maskPhoneNumber } from './mask.js';
export { sipMeaning, SIP_CODES } from './sipCodes.js';
export { trunkHealth, blockedNow, smsFailures, dialoutByDestination } from './trunkHealth.js';
export type { TrunkHealth, TrunkBucket, SipFailureCount, BlockedUser, SmsFailure, DialoutByDestination, TrunkHealthOptions } from './trunkHealth.js';
