// What code outside emulator/ may use (tests only: product code never imports the emulator).
// test/support/emulator.ts wraps startEmulatorServer for integration tests and imports only from here.
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_SEED, DEFAULT_TENANT_ID, startEmulatorServer, type EmulatorOptions, type RunningEmulator } from './server.js';
export { generateTenant, DEMO_USER_NAME, type GenerateOptions } from './data/generate.js';
export type { GroundTruth } from './data/groundTruth.js';
export type { DialoutCall, GeneratedTenant, TenantUser } from './data/types.js';
export { ensureCertificate, type TlsMaterial } from './tls/certificate.js';
export type { FaultSpec } from './http/faults.js';
export type { RequestLogEntry } from './http/requestLog.js';
export type { DeliveryAttempt, DeliveryTiming } from './notifications/delivery.js';
export { ROLE_APP_INSTALL_FOR_USER, ROLE_CALL_RECORDS, ROLE_GROUP_MEMBERS, ROLE_PSTN_CALLS } from './identity/tokens.js';
export { buildGroups, SMALL_TEAM_ID, SUPPORT_TEAM_ID, type TenantGroup } from './data/groups.js';
export type { EmulatorControls } from './controls.js';
export type { AppendableReport } from './store/reportStore.js';
export type { ThrottleLimitName, ThrottleLimits } from './throttling/throttle.js';
