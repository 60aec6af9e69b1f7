// What server/ may use from the tab's API. The UI imports ./contract.js only.
export { createTabApi } from './createTabApi.js';
export type { TabApiDependencies } from './dependencies.js';
export { createTokenValidator, TokenRejectedError, AuthorityUnavailableError, type Caller, type TokenValidator, type TokenValidationSettings } from './auth/tokenValidator.js';
export type { DemoSignIn, HelpdeskAuditLog, PoisonedAlerts } from './ports.js';
export { API_SCOPE, HELPDESK_ROLE } from './contract.js';
