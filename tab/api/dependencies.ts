// Everything the tab API receives from the composition root (server/): Graph services, the
// diagnosis function, token validation, the audit log, a clock. Nothing is read from the
// environment here.
import type { Diagnosis, Thresholds } from '../../diagnosis/index.js';
import type { CallRecordsService, DirectoryService, FullCallRecord, Logger } from '../../graph/index.js';
import type { TokenValidator } from './auth/tokenValidator.js';
import type { DemoSignIn, HelpdeskAuditLog, PoisonedAlerts } from './ports.js';

export interface TabApiDependencies {
  readonly calls: CallRecordsService;
  readonly directory: DirectoryService;
  /** diagnosis/ with the configured thresholds (server/diagnosisWiring.ts). */
  readonly diagnose: (record: FullCallRecord, userId: string) => Diagnosis;
  /** The thresholds in force, for the tooltips (value and source of each). */
  readonly thresholds: Thresholds;
  readonly validateToken: TokenValidator;
  readonly audit: HelpdeskAuditLog;
  /** The alert pipeline's poison entries (GET /api/admin/alerts/poison); absent without the pipeline. */
  readonly poisonedAlerts?: PoisonedAlerts;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly mode: 'demo' | 'production';
  /** Demo mode only: the sign-in page's users and tokens. */
  readonly demo?: DemoSignIn;
}
