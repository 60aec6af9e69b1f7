// What the tab API needs from the outside, as interfaces: server/ hands in implementations.
import type { AuditEntry, DemoUser, PoisonedAlertEntry } from './contract.js';

/** The helpdesk audit log: every read of someone else's calls, who and when. */
export interface HelpdeskAuditLog {
  /** `at` is stamped by the store's clock. */
  record(tenantId: string, entry: Omit<AuditEntry, 'at'>): Promise<void>;
  /** Newest first, at most `limit`. */
  recent(tenantId: string, limit: number): Promise<AuditEntry[]>;
}

/** Demo mode's sign-in: the emulator's users and tokens it issues for them. Absent in production. */
export interface DemoSignIn {
  users(): Promise<DemoUser[]>;
  /** A bearer token for this API for the user (object id or UPN); null when no such user. */
  token(user: string): Promise<{ readonly token: string; readonly expiresIn: number } | null>;
}

/** The alert pipeline's poison store, read-only, for admins. Absent when the pipeline is not running. */
export interface PoisonedAlerts {
  /** Newest first, at most `limit`. */
  recent(limit: number): Promise<PoisonedAlertEntry[]>;
}
