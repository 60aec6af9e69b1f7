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
  type DeliveryAttempt,
  type DeliveryTiming,
  type EmulatorControls,
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

/** The running emulator's own controls (emulator/controls.ts, documented there), plus what a test needs to reach it. */
export interface EmulatorHandle extends Omit<EmulatorControls, 'addRecord' | 'sendReauthorizationRequired'> {
  /** e.g. 'https://localhost:54321' (no trailing slash, no version). Graph: baseUrl + '/v1.0' or '/beta'; identity: baseUrl + '/{tenant}/...'. */
  readonly baseUrl: string;
  readonly tenantId: string;
  /** App registration granted CallRecords.Read.All and CallRecord-PstnCalls.Read.All. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The generated data (undefined when serving recordsDir). */
  readonly tenant: GeneratedTenant | undefined;
  /** Adds a record, or revises one with the same id (version + 1); fires change notifications. Async here so tests read like a client. */
  addRecord(record: object): Promise<void>;
  /** Sends a reauthorizationRequired lifecycle notification for the subscription now. */
  sendReauthorizationRequired(subscriptionId: string): void;
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
    installedApps: () => running.installedApps(),
    now: () => running.now(),
    close: () => running.close(),
  };
}
