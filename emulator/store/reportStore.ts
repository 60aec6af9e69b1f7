// Rows behind the five PSTN report functions. Each kind knows the field that places a row in time.
import type { DialoutCall } from '../data/types.js';
import type { JsonObject } from './json.js';

export type ReportKind = 'getPstnCalls' | 'getDirectRoutingCalls' | 'getSmsLog' | 'getPstnBlockedUsersLog' | 'getPstnOnlineMeetingDialoutReport';

export interface ReportStore {
  readonly pstnCalls: JsonObject[];
  readonly directRoutingCalls: JsonObject[];
  readonly smsLog: JsonObject[];
  readonly blockedUsers: JsonObject[];
  readonly dialoutCalls: DialoutCall[];
}

export function emptyReportStore(): ReportStore {
  return { pstnCalls: [], directRoutingCalls: [], smsLog: [], blockedUsers: [], dialoutCalls: [] };
}

/** The reports whose rows are stored as Graph returns them (the dial-out report is aggregated on the fly). */
export type AppendableReport = 'getPstnCalls' | 'getDirectRoutingCalls' | 'getSmsLog' | 'getPstnBlockedUsersLog';

/** The stored rows behind an appendable report, or undefined for any other name. */
export function appendableRows(store: ReportStore, kind: string): JsonObject[] | undefined {
  const targets: Record<AppendableReport, JsonObject[]> = {
    getPstnCalls: store.pstnCalls,
    getDirectRoutingCalls: store.directRoutingCalls,
    getSmsLog: store.smsLog,
    getPstnBlockedUsersLog: store.blockedUsers,
  };
  return Object.hasOwn(targets, kind) ? targets[kind as AppendableReport] : undefined;
}
