// Wires the tab's API: token validation against the tenant's authority (Entra in production, the
// emulator in demo mode), graph/'s services, diagnosis with the configured thresholds, the audit
// log from the store, and demo mode's sign-in.
import type { Router } from 'express';
import type { Thresholds } from '../diagnosis/index.js';
import type { GraphServices, Logger } from '../graph/index.js';
import { createTabApi, createTokenValidator, type PoisonedAlerts } from '../tab/api/index.js';
import type { AppConfig } from './config/index.js';
import { emulatorSignIn } from './demo/demoSignIn.js';
import { createDiagnose } from './diagnosisWiring.js';
import type { Store } from './store/index.js';

export interface TabApiWiring {
  readonly graph: GraphServices;
  readonly store: Store;
  readonly thresholds: Thresholds;
  readonly now: () => Date;
  readonly logger: Logger;
  /** The alert pipeline's poison entries for GET /api/admin/alerts/poison. */
  readonly poisonedAlerts?: PoisonedAlerts;
}

/** The router, or undefined in production without TAB_CLIENT_ID (no tab registered, no tab API). */
export function tabApiRouter(config: AppConfig, wiring: TabApiWiring): Router | undefined {
  if (!config.tab) return undefined;
  const tenantId = config.graph.tenantId;
  const authority = config.graph.authorityHost.replace(/\/+$/, '');
  const validateToken = createTokenValidator(
    {
      jwksUrl: `${authority}/${tenantId}/discovery/v2.0/keys`,
      // Entra issues v2.0 tokens when the app's manifest asks for them, v1.0 (sts.windows.net) otherwise.
      issuers: config.mode === 'production' ? [`${authority}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`] : [`${authority}/${tenantId}/v2.0`],
      audiences: [config.tab.appIdUri, config.tab.clientId],
      tenantId,
    },
    { now: wiring.now },
  );
  return createTabApi({
    calls: wiring.graph.callRecords,
    directory: wiring.graph.directory,
    diagnose: createDiagnose(wiring.thresholds),
    thresholds: wiring.thresholds,
    validateToken,
    audit: wiring.store.tab.audit,
    ...(wiring.poisonedAlerts ? { poisonedAlerts: wiring.poisonedAlerts } : {}),
    now: wiring.now,
    logger: wiring.logger,
    mode: config.mode,
    ...(config.mode === 'demo' ? { demo: emulatorSignIn({ emulatorUrl: authority, audience: config.tab.appIdUri }) } : {}),
  });
}
