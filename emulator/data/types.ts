// The shape of a generated tenant (shared contract A with the diagnosis engineer).
import type { JsonObject } from '../store/json.js';
import type { GroundTruth } from './groundTruth.js';

export interface TenantUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string;
}

/** One audio-conferencing dial-out call; the report function aggregates these per user and range. */
export interface DialoutCall {
  readonly userId: string;
  readonly userDisplayName: string;
  readonly userPrincipalName: string;
  readonly usageLocation: string;
  readonly destinationContext: 'Domestic' | 'International';
  readonly currency: string;
  readonly callDateTime: string;
  readonly seconds: number;
  readonly charge: number;
}

export interface GeneratedTenant {
  readonly tenantId: string;
  readonly users: readonly TenantUser[];
  /** The person the demo signs in as; their recent history tells the demo story. */
  readonly demoUserId: string;
  /** Full callRecord objects: sessions (with segments) and participants_v2 inline. */
  readonly records: readonly JsonObject[];
  readonly groundTruth: readonly GroundTruth[];
  /** pstnCallLogRow objects (beta superset; the v1.0 route drops beta-only fields). */
  readonly pstnCalls: readonly JsonObject[];
  readonly directRoutingCalls: readonly JsonObject[];
  readonly smsLog: readonly JsonObject[];
  readonly blockedUsers: readonly JsonObject[];
  readonly dialoutReport: readonly DialoutCall[];
}
