// What every Graph route handler receives: the emulator's state and clock, plus the API version
// of the tree it is mounted in. No module state: tests start several emulators side by side.
import type { Request, Response } from 'express';
import { GraphHttpError } from '../http/graphError.js';
import type { GraphVersion } from '../http/odata.js';
import { callerOf } from '../http/auth.js';
import type { AppRegistry } from '../identity/apps.js';
import type { TokenIssuer } from '../identity/tokens.js';
import type { AppInstallationStore } from '../store/appInstallations.js';
import type { RecordStore } from '../store/recordStore.js';
import type { ReportStore } from '../store/reportStore.js';
import type { TenantUser } from '../data/types.js';
import type { BucketHit, BucketRule, Throttle } from '../throttling/throttle.js';

export interface EmulatorState {
  readonly tenantId: string;
  readonly now: () => Date;
  readonly records: RecordStore;
  readonly reports: ReportStore;
  readonly users: readonly TenantUser[];
  readonly apps: AppRegistry;
  readonly issuer: TokenIssuer;
  readonly throttle: Throttle;
  /** Teams apps installed per user (POST /users/{id}/teamwork/installedApps), shared by /v1.0 and /beta. */
  readonly installedApps: AppInstallationStore;
  /** Operator-facing messages (stderr in the CLI, silent in tests). Never record data. */
  readonly log: (message: string) => void;
}

export interface RouteContext extends EmulatorState {
  readonly version: GraphVersion;
}

export const baseUrl = (req: Request): string => `https://${req.headers.host ?? 'localhost'}`;

/** Counts the request against the given buckets; throws a 429 with Retry-After when one is over. */
export function enforceThrottling(ctx: RouteContext, res: Response, rules: readonly (readonly [BucketRule, 'app' | 'tenant' | string])[]): void {
  const appId = callerOf(res).appId;
  const hits: BucketHit[] = rules.map(([rule, scope]) => ({ rule, key: scope === 'app' ? `app:${appId}` : scope === 'tenant' ? 'tenant' : `${scope}` }));
  const decision = ctx.throttle.check(hits);
  if (decision.throttled) {
    throw new GraphHttpError(429, 'TooManyRequests', `Too many requests (limit: ${decision.rule?.name}). Retry after ${decision.retryAfterSeconds} seconds.`, {
      'Retry-After': String(decision.retryAfterSeconds),
    });
  }
}
