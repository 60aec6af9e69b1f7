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
