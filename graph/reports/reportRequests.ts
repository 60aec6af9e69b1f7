// The five report functions bound to the callRecords collection (reference §5.6), as data.
import { buckets } from '../budget/buckets.js';
import type { GraphRequest, GraphVersion } from '../http/graphRequest.js';
import type { ReportWindow } from './dateWindows.js';

export type ReportFunction = 'getPstnCalls' | 'getDirectRoutingCalls' | 'getSmsLog' | 'getPstnBlockedUsersLog' | 'getPstnOnlineMeetingDialoutReport';

export interface ReportSpec {
  readonly fn: ReportFunction;
  readonly version: GraphVersion;
  /** Direct Routing excludes toDateTime; the others include it. */
  readonly toIsExclusive: boolean;
}

export const REPORTS: Readonly<Record<ReportFunction, ReportSpec>> = {
  getPstnCalls: { fn: 'getPstnCalls', version: 'v1.0', toIsExclusive: false },
  getDirectRoutingCalls: { fn: 'getDirectRoutingCalls', version: 'v1.0', toIsExclusive: true },
  getSmsLog: { fn: 'getSmsLog', version: 'beta', toIsExclusive: false },
  getPstnBlockedUsersLog: { fn: 'getPstnBlockedUsersLog', version: 'beta', toIsExclusive: false },
  getPstnOnlineMeetingDialoutReport: { fn: 'getPstnOnlineMeetingDialoutReport', version: 'beta', toIsExclusive: false },
};

export function reportRequest(spec: ReportSpec, window: ReportWindow): GraphRequest {
  const path = `/communications/callRecords/${spec.fn}`;
  return {
    method: 'GET',
    version: spec.version,
    path: `${path}(fromDateTime=${window.from},toDateTime=${window.to})`,
    buckets: buckets.report(spec.fn),
    logPath: path,
  };
}
