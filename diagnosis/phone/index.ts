// Phone-call explanations (PSTN and Direct Routing log rows).
export { explainPstnCall, explainDirectRoutingCall } from './explain.js';
export type { PhoneCallExplanation, PstnRowInput, DirectRoutingRowInput } from './explain.js';
export { maskPhoneNumber } from './mask.js';
export { sipMeaning, SIP_CODES } from './sipCodes.js';
