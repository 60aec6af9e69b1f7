// What a test (or benchmark) running the emulator in-process may do to it besides calling Graph:
// the same levers as the /_emulator admin routes, as plain calls on the running emulator.
import type { FaultInjector, FaultSpec } from './http/faults.js';
import type { RequestLog, RequestLogEntry } from './http/requestLog.js';
import type { AppRegistration } from './identity/tokens.js';
import type { DeliveryAttempt } from './notifications/delivery.js';
import type { SubscriptionManager } from './notifications/subscriptions.js';
import type { EmulatorState } from './routes/context.js';
import type { AppInstallation } from './store/appInstallations.js';
import { appendableRows, type AppendableReport } from './store/reportStore.js';

export interface EmulatorControls {
  /** Adds a record, or revises the one with the same id (version + 1); fires change notifications. */
  addRecord(record: object): void;
  /** Appends rows to a report function's data (copies, so later edits of `rows` do not leak in). */
  addReportRows(kind: AppendableReport, rows: readonly object[]): void;
  /** Graph's §8 limits on or off; either resets every window. */
  setThrottling(on: boolean): void;
  injectFaults(faults: FaultSpec | readonly FaultSpec[]): void;
  clearFaults(): void;
  /** Graph routes called so far, each listed on arrival. */
  requests(): readonly RequestLogEntry[];
  clearRequests(): void;
  /** Resolves when no Graph request is being answered and every queued notification has had its delivery attempt. */
  settle(): Promise<void>;
  /** An app token with exactly these roles; another clientId makes it another app (its own throttling buckets). */
  appToken(roles: readonly string[], options?: { clientId?: string }): Promise<string>;
  /** A user token (oid, tid, aud, scp, name) like the tab's SSO token; userId may be an id or a UPN. */
  userToken(userId: string, options?: { audience?: string; scopes?: readonly string[]; roles?: readonly string[] }): Promise<string>;
  /** Registers another client id/secret pair for the token endpoint. */
  registerApp(app: AppRegistration): void;
  /** Sends reauthorizationRequired now; false when there is no such subscription or it has no lifecycle URL. */
  sendReauthorizationRequired(subscriptionId: string): boolean;
  notificationDeliveries(): readonly DeliveryAttempt[];
  /** Teams apps installed for users through POST /users/{id}/teamwork/installedApps, oldest first. */
  installedApps(): readonly AppInstallation[];
  /** The emulator's clock. */
  now(): Date;
}

export interface ControlledParts {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  readonly subscriptions: SubscriptionManager;
}

export const DEFAULT_USER_TOKEN_AUDIENCE = 'api://localhost/call-doctor';

export function emulatorControls(parts: ControlledParts): EmulatorControls {
  const { state, faults, requestLog, subscriptions } = parts;
  const issuer = `${parts.baseUrl}/${state.tenantId}/v2.0`;
  return {
    addRecord: (record) => void state.records.upsert(record),
    addReportRows: (kind, rows) => {
      const target = appendableRows(state.reports, kind);
      if (!target) throw new Error(`Unknown report '${kind}'. Use getPstnCalls, getDirectRoutingCalls, getSmsLog or getPstnBlockedUsersLog.`);
      target.push(...rows.map((r) => ({ ...r })));
    },
    setThrottling: (on) => state.throttle.setEnabled(on),
    injectFaults: (specs) => faults.inject(specs),
    clearFaults: () => faults.clear(),
    requests: () => requestLog.all(),
    clearRequests: () => requestLog.clear(),
    settle: async () => {
      // A finished request can queue a notification and a delivery can be followed by a request: loop until both are quiet.
      while (requestLog.pending > 0 || subscriptions.pendingDeliveries > 0) await Promise.all([requestLog.settle(), subscriptions.settleDeliveries()]);
    },
    appToken: (roles, options = {}) => state.issuer.issueAppToken({ clientId: options.clientId ?? parts.clientId, clientSecret: '', roles }, issuer),
    userToken: (userId, options = {}) => {
      const user = state.users.find((u) => u.id === userId || u.userPrincipalName === userId);
      return state.issuer.issueUserToken(
        {
          oid: user?.id ?? userId,
          name: user?.displayName ?? 'Unknown user',
          preferredUsername: user?.userPrincipalName,
          audience: options.audience ?? DEFAULT_USER_TOKEN_AUDIENCE,
          scopes: options.scopes ?? ['access_as_user'],
          roles: options.roles ?? [],
        },
        issuer,
      );
    },
    registerApp: (app) => state.apps.register(app),
    sendReauthorizationRequired: (id) => subscriptions.sendLifecycleEvent(id),
    notificationDeliveries: () => subscriptions.deliveries(),
    installedApps: () => state.installedApps.all(),
    now: () => state.now(),
  };
}
