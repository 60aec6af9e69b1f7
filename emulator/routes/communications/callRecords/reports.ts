// The report functions bound to the callRecords collection (§5.6): fn(fromDateTime=…,toDateTime=…),
// at most 90 days, 1,000 rows a page with @odata.count and a $skip nextLink.
import type { Request, Response } from 'express';
import { badRequest, notFound } from '../../../http/graphError.js';
import { contextUrl, queryString, rejectUnsupportedOptions } from '../../../http/odata.js';
import type { JsonObject } from '../../../store/json.js';
import type { ReportKind } from '../../../store/reportStore.js';
import { REPORT_RULES } from '../../../throttling/throttle.js';
import { baseUrl, enforceThrottling, type RouteContext } from '../../context.js';
import { aggregateDialout, V10_ONLY_DROPS } from './reportRows.js';

export const REPORT_PAGE = 1000;
const MAX_RANGE_DAYS = 90;
const BETA_ONLY: readonly ReportKind[] = ['getSmsLog', 'getPstnBlockedUsersLog', 'getPstnOnlineMeetingDialoutReport'];
const ROW_TYPE: Record<ReportKind, string> = {
  getPstnCalls: 'pstnCallLogRow',
  getDirectRoutingCalls: 'directRoutingLogRow',
  getSmsLog: 'smsLogRow',
  getPstnBlockedUsersLog: 'pstnBlockedUsersLogRow',
  getPstnOnlineMeetingDialoutReport: 'pstnOnlineMeetingDialoutReport',
};

export interface ReportCall {
  readonly kind: ReportKind;
  readonly rawParameters: string;
}

const SEGMENT = /^(?:microsoft\.graph\.callRecords\.)?(getPstnCalls|getDirectRoutingCalls|getSmsLog|getPstnBlockedUsersLog|getPstnOnlineMeetingDialoutReport)(?:\((.*)\))?$/;

export function parseReportSegment(segment: string): ReportCall | undefined {
  const m = SEGMENT.exec(segment);
  return m ? { kind: m[1] as ReportKind, rawParameters: m[2] ?? '' } : undefined;
}

export function reportResponse(ctx: RouteContext, req: Request, res: Response, call: ReportCall): JsonObject {
  if (ctx.version === 'v1.0' && BETA_ONLY.includes(call.kind)) throw notFound(`Resource not found for the segment '${call.kind}'. It is available on /beta only.`);
  rejectUnsupportedOptions(req, ['$skip']);
  const appId = String(res.locals.caller.appId);
  enforceThrottling(ctx, res, [
    [REPORT_RULES.perCollection, `collection:${appId}:${call.kind}`],
    [REPORT_RULES.perAppPerTenant, `reports:${appId}`],
    [REPORT_RULES.perTenant, 'reports:tenant'],
  ]);
  const { from, to } = parseRange(call);
  const inRange = (iso: unknown): boolean => {
    const t = Date.parse(String(iso));
    // getDirectRoutingCalls treats toDateTime as exclusive; the others include it (§5.6).
    return t >= from && (call.kind === 'getDirectRoutingCalls' ? t < to : t <= to);
  };
  const rows = rowsFor(ctx, call.kind, inRange);
  const skip = parseSkip(queryString(req, '$skip'));
  const page = rows.slice(skip, skip + REPORT_PAGE);
  const base = baseUrl(req);
  const body: JsonObject = {
    '@odata.context': contextUrl(base, ctx.version, `Collection(microsoft.graph.callRecords.${ROW_TYPE[call.kind]})`),
    '@odata.count': page.length,
    value: page,
  };
  if (skip + REPORT_PAGE < rows.length) {
    body['@odata.nextLink'] = `${base}/${ctx.version}/communications/callRecords/${call.kind}(${call.rawParameters})?$skip=${skip + REPORT_PAGE}`;
  }
  return body;
}

function rowsFor(ctx: RouteContext, kind: ReportKind, inRange: (iso: unknown) => boolean): JsonObject[] {
  const dropBeta = ctx.version === 'v1.0' ? V10_ONLY_DROPS : undefined;
  const strip = (row: JsonObject): JsonObject => (dropBeta ? Object.fromEntries(Object.entries(row).filter(([k]) => !dropBeta.has(k))) : row);
  switch (kind) {
    case 'getPstnCalls':
      return ctx.reports.pstnCalls.filter((r) => inRange(r.startDateTime)).map(strip);
    case 'getDirectRoutingCalls':
      return ctx.reports.directRoutingCalls.filter((r) => inRange(r.startDateTime)).map(strip);
    case 'getSmsLog':
      return ctx.reports.smsLog.filter((r) => inRange(r.sentDateTime));
    case 'getPstnBlockedUsersLog':
      return ctx.reports.blockedUsers.filter((r) => inRange(r.blockDateTime));
    case 'getPstnOnlineMeetingDialoutReport':
      return aggregateDialout(ctx.reports.dialoutCalls.filter((c) => inRange(c.callDateTime)));
  }
}

function parseRange(call: ReportCall): { from: number; to: number } {
  const params = new Map<string, string>();
  for (const part of call.rawParameters.split(',')) {
    const i = part.indexOf('=');
    if (i > 0) params.set(part.slice(0, i).trim(), part.slice(i + 1).trim().replace(/^'(.*)'$/, '$1'));
  }
  const fromRaw = params.get('fromDateTime') ?? params.get('from');
  const toRaw = params.get('toDateTime') ?? params.get('to');
  if (!fromRaw || !toRaw) throw badRequest(`${call.kind} needs both parameters: ${call.kind}(fromDateTime=2024-01-01,toDateTime=2024-01-31).`);
  const from = parseDate(fromRaw, 'fromDateTime', false);
  const to = parseDate(toRaw, 'toDateTime', call.kind !== 'getDirectRoutingCalls');
  if (to < from) throw badRequest('toDateTime must not be earlier than fromDateTime.');
  // `to` already covers a date-only inclusive end's whole day, so a date-time range gets no extra day.
  if (to - from > MAX_RANGE_DAYS * 86_400_000) {
    throw badRequest(`The date range of ${call.kind} must be ${MAX_RANGE_DAYS} days or less.`);
  }
  return { from, to };
}

/** Date-only values mean the whole day when the bound is inclusive (emulator choice, see README). */
function parseDate(raw: string, name: string, inclusiveEnd: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const t = Date.parse(dateOnly ? `${raw}T00:00:00Z` : raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(t)) throw badRequest(`${name} '${raw.slice(0, 40)}' is not a date (2024-01-31) or an ISO 8601 date-time.`);
  return dateOnly && inclusiveEnd ? t + 86_400_000 - 1 : t;
}

function parseSkip(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`$skip must be a non-negative integer, not '${raw.slice(0, 20)}'.`);
  return n;
}
