// Test support: an in-process Graph emulator on an ephemeral loopback HTTPS port (shared
// contract B). Needs the node project's globalSetup (test/support/tls-setup.ts) so the
// certificate is trusted by fetch, @azure/identity and the Graph SDK.
//
//   const emulator = await startEmulator();
//   const credential = new ClientSecretCredential(emulator.tenantId, emulator.clientId, emulator.clientSecret,
//     { authorityHost: emulator.baseUrl, disableInstanceDiscovery: true });
//   // Graph: `${emulator.baseUrl}/v1.0/...`; Graph SDK: baseUrl emulator.baseUrl, customHosts new Set(['localhost'])
//   afterAll(() => emulator.close());
import { inject } from 'vitest';
import {
  ensureCertificate,
  ROLE_CALL_RECORDS,
  ROLE_PSTN_CALLS,
  startEmulatorServer,
  type AppendableReport,
  type DeliveryAttempt,
  type DeliveryTiming,
  type FaultSpec,
  type GeneratedTenant,
  type GroundTruth,
  type RequestLogEntry,
  type RunningEmulator,
  type ThrottleLimits,
} from '../../emulator/index.js';
import type {} from './tls-setup.js';

export type { DeliveryAttempt, DeliveryTiming, FaultSpec, GeneratedTenant, GroundTruth, RequestLogEntry };
export { ROLE_CALL_RECORDS, ROLE_PSTN_CALLS };

export interface EmulatorHandle {
  /** e.g. 'https://localhost:54321' (no trailing slash, no version). Graph: baseUrl + '/v1.0' or '/beta'; identity: baseUrl + '/{tenant}/...'. */
  readonly baseUrl: string;
  readonly tenantId: string;
  /** App registration granted CallRecords.Read.All and CallRecord-PstnCalls.Read.All. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The generated data (undefined when serving recordsDir). */
  readonly tenant: GeneratedTenant | undefined;
  /** Adds a record, or revises one with the same id (version + 1); fires change notifications. */
  addRecord(record: object): Promise<void>;
  /** Appends rows to a report function's data, e.g. 2,500 rows to test its $skip paging. */
  addReportRows(kind: AppendableReport, rows: readonly object[]): void;
  /** Graph's §8 limits on (default) or off. Turning it on or off resets the windows. */
  setThrottling(on: boolean): void;
  /** The next matching requests fail: { status: 503, retryAfterSeconds: 1, count: 2 }, { drop: true }, { latencyMs: 500 }. */
  injectFaults(faults: FaultSpec | readonly FaultSpec[]): void;
  clearFaults(): void;
  /** Graph routes called so far, each listed on arrival (identity and admin routes are not listed); status is undefined until its answer starts. */
  requests(): readonly RequestLogEntry[];
  clearRequests(): void;
  /**
   * Resolves when no Graph request is in flight and every notification queued so far has had its
   * delivery attempt recorded (retries waiting for their backoff are not waited for). Await it
   * before counting requests() or asserting that a notification did not arrive.
   */
  settle(): Promise<void>;
  /** An app token with exactly these roles, e.g. [] or [ROLE_PSTN_CALLS], to test 403 handling; clientId makes it another app. */
  appToken(roles: readonly string[], options?: { clientId?: string }): Promise<string>;
  /** A user token (oid, tid, aud, scp, name) like the tab's SSO token. */
  userToken(userId: string, options?: { audience?: string; scopes?: readonly string[] }): Promise<string>;
  /** Registers another client id/secret pair for ClientSecretCredential, with the given roles. */
  registerApp(app: { clientId: string; clientSecret: string; roles: readonly string[] }): void;
  /** Sends a reauthorizationRequired lifecycle notification for the subscription now. */
  sendReauthorizationRequired(subscriptionId: string): void;
  /** Every change/lifecycle delivery attempt so far (url, attempt, status, delivered). */
  notificationDeliveries(): readonly DeliveryAttempt[];
  /** The emulator's clock (starts at options.now, runs on in real time). */
  now(): Date;
  readonly groundTruth: readonly GroundTruth[];
  close(): Promise<void>;
}

export interface StartEmulatorOptions {
  /** Seed of the generated tenant; default 42 (the demo seed). */
  seed?: number;
  /** Serve these callRecord JSON files instead of a generated tenant. */
  recordsDir?: string;
  /** Notification timings (Graph's by default), e.g. { redeliveryDelaysMs: [50, 50] } to see retries quickly. */
  notificationTiming?: Partial<DeliveryTiming>;
  /** Graph's throttling limits; default true (as Graph). */
  throttle?: boolean;
  /** Override named limits, e.g. { 'callRecords.perTenant': 30 } to trip the 10,000/20 s bucket with a few requests. */
  throttleLimits?: ThrottleLimits;
  /** The emulator's "now" at start; default the real time. */
  now?: Date;
  tenantId?: string;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  const tlsDir = inject('emulatorTlsDir');
  if (!tlsDir) throw new Error("startEmulator needs the node project's globalSetup test/support/tls-setup.ts (see vitest.config.ts).");
  const tls = await ensureCertificate(tlsDir);
  const running = await startEmulatorServer({ tls, seed: options.seed, recordsDir: options.recordsDir, throttle: options.throttle ?? true, throttleLimits: options.throttleLimits, now: options.now, tenantId: options.tenantId, notificationTiming: options.notificationTiming });
  return toHandle(running);
}

function toHandle(running: RunningEmulator): EmulatorHandle {
  return {
    baseUrl: running.baseUrl,
    tenantId: running.tenantId,
    clientId: running.clientId,
    clientSecret: running.clientSecret,
    tenant: running.tenant,
    groundTruth: running.tenant?.groundTruth ?? [],
    addRecord: async (record) => running.addRecord(record),
    addReportRows: (kind, rows) => running.addReportRows(kind, rows),
    setThrottling: (on) => running.setThrottling(on),
    injectFaults: (faults) => running.injectFaults(faults),
    clearFaults: () => running.clearFaults(),
    requests: () => running.requests(),
    clearRequests: () => running.clearRequests(),
    settle: () => running.settle(),
    appToken: (roles, options) => running.appToken(roles, options),
    userToken: (userId, options) => running.userToken(userId, options),
    registerApp: (app) => running.registerApp(app),
    sendReauthorizationRequired: (id) => void running.sendReauthorizationRequired(id),
    notificationDeliveries: () => running.notificationDeliveries(),
    now: () => running.now(),
    close: () => running.close(),
  };
}
