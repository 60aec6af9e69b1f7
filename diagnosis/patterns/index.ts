// Quality patterns across many diagnosed calls: one user's "My quality" and a team's aggregates.
export { observeCall, type ObserveOptions } from './observe.js';
export { myQuality, recurringCause, DIMENSIONS, MIN_POOR_FOR_PATTERN } from './myQuality.js';
export { teamQuality, MINIMUM_PEOPLE, MICROSOFT_TARGETS, type PersonObservation, type TeamQualityOptions } from './teamQuality.js';
export { maskSubnet } from './maskSubnet.js';
export { BAD_VERDICTS, timeOfDay } from './rates.js';
export type * from './types.js';
