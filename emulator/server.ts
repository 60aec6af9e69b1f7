// Starts the emulator in-process: HTTPS on loopback, identity + Graph + admin routes over one
// shared state. Used by the CLI (main.ts) and by tests (test/support/emulator.ts).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { adminRoutes } from './admin/routes.js';
import { emulatorControls, type EmulatorControls } from './controls.js';
import { generateTenant } from './data/generate.js';
import type { GroundTruth } from './data/groundTruth.js';
import { readRecordsDir, RecordsDirError } from './data/recordsDir.js';
import type { GeneratedTenant } from './data/types.js';
import { FaultInjector } from './http/faults.js';
import { RequestLog } from './http/requestLog.js';
import { AppRegistry } from './identity/apps.js';
import { identityRoutes } from './identity/routes.js';
import { createTokenIssuer, ROLE_APP_INSTALL_FOR_USER, ROLE_CALL_RECORDS, ROLE_GROUP_MEMBERS, ROLE_PSTN_CALLS, type AppRegistration } from './identity/tokens.js';
import type { EmulatorState } from './routes/context.js';
import { graphRouter } from './routes/graphRouter.js';
import { GRAPH_TIMING, type DeliveryTiming } from './notifications/delivery.js';
import { SubscriptionManager } from './notifications/subscriptions.js';
import { subscriptionsRoutes } from './routes/subscriptions/index.js';
import { AppInstallationStore } from './store/appInstallations.js';
import { RecordStore } from './store/recordStore.js';
import { emptyReportStore, type ReportStore } from './store/reportStore.js';
import { Throttle, type ThrottleLimits } from './throttling/throttle.js';
import type { TlsMaterial } from './tls/certificate.js';

export const DEFAULT_TENANT_ID = '8e1d6d3c-3f0a-4c55-9a9e-ca11d0c70001';
export const DEFAULT_CLIENT_ID = '5b0c2a47-9d7e-4c8e-8f3a-ca11d0c70002';
export const DEFAULT_CLIENT_SECRET = 'emulator-secret-not-for-production';
export const DEFAULT_SEED = 42;

export interface EmulatorOptions {
  readonly tls: TlsMaterial;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Loopback by default; the emulator is never meant to be reachable from the network. */
  readonly host?: string;
  readonly tenantId?: string;
  /** The app registration granted CallRecords.Read.All and CallRecord-PstnCalls.Read.All. */
  readonly app?: { readonly clientId: string; readonly clientSecret: string };
  readonly seed?: number;
  /** "Now" at start; the emulator clock runs on from there. Defaults to the real time. */
  readonly now?: Date;
  /** Serve these callRecord files instead of a generated tenant. */
  readonly recordsDir?: string;
  readonly throttle?: boolean;
  /** Lower (or raise) named §8 limits, e.g. { 'callRecords.perTenant': 30 }, so a test can trip a big bucket quickly. */
  readonly throttleLimits?: ThrottleLimits;
  /** Notification timings; Graph's by default. Tests shorten the redelivery delays. */
  readonly notificationTiming?: Partial<DeliveryTiming>;
  readonly log?: (message: string) => void;
}

export interface RunningEmulator extends EmulatorControls {
  readonly baseUrl: string;
  readonly port: number;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenant: GeneratedTenant | undefined;
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  readonly subscriptions: SubscriptionManager;
  close(): Promise<void>;
}

export async function startEmulatorServer(options: EmulatorOptions): Promise<RunningEmulator> {
  const startReal = Date.now();
  const startAt = (options.now ?? new Date()).getTime();
  // Runs on from the given start so retention, token lifetimes and throttle windows stay consistent.
  const now = (): Date => new Date(startAt + (Date.now() - startReal));
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const app: AppRegistration = { clientId: options.app?.clientId ?? DEFAULT_CLIENT_ID, clientSecret: options.app?.clientSecret ?? DEFAULT_CLIENT_SECRET, roles: [ROLE_CALL_RECORDS, ROLE_PSTN_CALLS, ROLE_GROUP_MEMBERS, ROLE_APP_INSTALL_FOR_USER] };
  const log = options.log ?? ((): void => undefined);

  const records = new RecordStore(now);
  const reports: ReportStore = emptyReportStore();
  let tenant: GeneratedTenant | undefined;
  let groundTruth: readonly GroundTruth[] = [];
  if (options.recordsDir) {
    for (const { file, json } of readRecordsDir(options.recordsDir)) {
      try {
        records.upsert(json, { retentionExempt: true, silent: true });
      } catch (error) {
        throw new RecordsDirError(`--records: ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } else {
    tenant = generateTenant({ seed: options.seed ?? DEFAULT_SEED, now: new Date(startAt), tenantId });
    for (const record of tenant.records) records.upsert(record, { silent: true });
    reports.pstnCalls.push(...tenant.pstnCalls);
    reports.directRoutingCalls.push(...tenant.directRoutingCalls);
    reports.smsLog.push(...tenant.smsLog);
    reports.blockedUsers.push(...tenant.blockedUsers);
    reports.dialoutCalls.push(...tenant.dialoutReport);
    groundTruth = tenant.groundTruth;
  }

  const state: EmulatorState = {
    tenantId,
    now,
    records,
    reports,
    users: tenant?.users ?? [],
    apps: new AppRegistry([app]),
    issuer: await createTokenIssuer(tenantId, now),
    throttle: new Throttle(now, options.throttle ?? true, options.throttleLimits),
    installedApps: new AppInstallationStore(),
    log,
  };
  const faults = new FaultInjector();
  const requestLog = new RequestLog();
  const subscriptions = new SubscriptionManager({ tenantId, now, log, timing: { ...GRAPH_TIMING, ...options.notificationTiming } });
  records.onChange((change) => subscriptions.onRecordChange(change));
  const extraRoutes = (router: express.Router, version: 'v1.0' | 'beta'): void => {
    router.use('/subscriptions', subscriptionsRoutes({ ...state, version }, subscriptions));
  };

  const http = express();
  http.disable('x-powered-by');
  http.set('etag', false);
  http.use('/_emulator', adminRoutes({ state, faults, subscriptions, groundTruth: () => groundTruth }));
  http.use('/v1.0', graphRouter({ state, faults, requestLog, extraRoutes }, 'v1.0'));
  http.use('/beta', graphRouter({ state, faults, requestLog, extraRoutes }, 'beta'));
  http.use(identityRoutes({ tenantId, apps: state.apps, issuer: state.issuer, now }));

  const server = createServer({ cert: options.tls.cert, key: options.tls.key }, http);
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `https://localhost:${port}`;

  return {
    ...emulatorControls({ baseUrl, clientId: app.clientId, state, faults, requestLog, subscriptions }),
    baseUrl,
    port,
    tenantId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    tenant,
    state,
    faults,
    requestLog,
    subscriptions,
    close: async () => {
      subscriptions.close();
      await close(server);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use; choose another with --port (0 picks a free one).`) : error),
    );
    server.listen(port, host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets from clients (fetch, the SDK) would otherwise hold close() open.
    server.closeAllConnections();
  });
}
