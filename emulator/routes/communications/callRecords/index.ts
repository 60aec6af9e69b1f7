// /communications/callRecords and everything below it (§5.1–§5.6).
import express, { type Router } from 'express';
import { requireRoles } from '../../../http/auth.js';
import { badRequest, notFound } from '../../../http/graphError.js';
import {
  applyPreferences,
  CALL_RECORD_PROPERTIES,
  contextUrl,
  decodeOffsetToken,
  decodeSkipToken,
  encodeSkipToken,
  nextLinkFor,
  pageSize,
  parsePrefer,
  parseSelect,
  queryString,
  rejectUnsupportedOptions,
  SESSION_PROPERTIES,
} from '../../../http/odata.js';
import { ROLE_CALL_RECORDS, ROLE_PSTN_CALLS } from '../../../identity/tokens.js';
import { asArray, type JsonObject } from '../../../store/json.js';
import { CALL_RECORD_RULES } from '../../../throttling/throttle.js';
import { baseUrl, enforceThrottling, type RouteContext } from '../../context.js';
import { parseListFilter } from './listFilter.js';
import { reportResponse, parseReportSegment } from './reports.js';
import { LIST_PAGE, listItem, parseExpand, PARTICIPANTS_PAGE, recordEntity, sessionView, SESSIONS_PAGE } from './representation.js';

export function callRecordsRoutes(ctx: RouteContext): Router {
  const router = express.Router();
  const callRecordsRole = requireRoles(ctx.issuer, [ROLE_CALL_RECORDS]);
  const reportRoles = requireRoles(ctx.issuer, [ROLE_PSTN_CALLS, ROLE_CALL_RECORDS]);
  const perApp = [CALL_RECORD_RULES.perAppPerTenant, 'app'] as const;
  const perTenant = [CALL_RECORD_RULES.perTenant, 'tenant'] as const;

  const findRecord = (id: string): JsonObject => {
    const stored = ctx.records.get(id);
    if (!stored) throw notFound(`The call record '${id.slice(0, 80)}' was not found: the id is unknown or the call is older than 30 days.`);
    return stored.record;
  };
  const send = (res: express.Response, body: unknown, req: express.Request): void => {
    res.type('application/json').send(JSON.stringify(applyPreferences(body, parsePrefer(req))));
  };

  router.get('/', callRecordsRole, (req, res) => {
    rejectUnsupportedOptions(req, ['$filter', '$select', '$skiptoken']);
    enforceThrottling(ctx, res, [[CALL_RECORD_RULES.list, `list:${res.locals.caller.appId}`], perApp, perTenant]);
    const predicate = parseListFilter(queryString(req, '$filter'), { strict: ctx.strict });
    const select = parseSelect(req, CALL_RECORD_PROPERTIES.filter((p) => p !== 'sessions' && p !== 'participants_v2'));
    const size = pageSize(parsePrefer(req), LIST_PAGE);
    const after = decodeSkipToken(queryString(req, '$skiptoken'));
    const matching = ctx.records.list().filter((s) => predicate(s.record));
    const start = after === undefined ? 0 : matching.findIndex((s) => cursorOf(s.record) > after);
    const page = start < 0 ? [] : matching.slice(start, start + size);
    const links = { base: baseUrl(req), version: ctx.version };
    const body: JsonObject = { '@odata.context': contextUrl(links.base, ctx.version, 'communications/callRecords') };
    const last = page[page.length - 1];
    if (start >= 0 && start + size < matching.length && last) body['@odata.nextLink'] = nextLinkFor(links.base, req, { $skiptoken: encodeSkipToken(cursorOf(last.record)) });
    body.value = page.map((s) => listItem(s.record, links, select));
    send(res, body, req);
  });

  // One segment is either a record id or a bound report function such as getPstnCalls(fromDateTime=…,…);
  // express paths cannot match the parentheses, so the handler tells them apart and applies the
  // role each needs (reports also accept CallRecord-PstnCalls.Read.All).
  router.get('/:segment', (req, res, next) => {
    const report = parseReportSegment(req.params.segment);
    if (report) return reportRoles(req, res, () => send(res, reportResponse(ctx, req, res, report), req)).catch(next);
    return callRecordsRole(req, res, () => {
      rejectUnsupportedOptions(req, ['$select', '$expand']);
      const id = req.params.segment;
      enforceThrottling(ctx, res, [[CALL_RECORD_RULES.perRecord, `record:${res.locals.caller.appId}:${id}`], perApp, perTenant]);
      const record = findRecord(id);
      const expand = parseExpand(queryString(req, '$expand'), { strict: ctx.strict });
      if (typeof expand === 'string') throw badRequest(expand);
      const select = parseSelect(req, CALL_RECORD_PROPERTIES);
      send(res, recordEntity(record, { base: baseUrl(req), version: ctx.version }, select, expand, (o) => encodeSkipToken(String(o))), req);
    }).catch(next);
  });

  router.get('/:id/sessions', callRecordsRole, (req, res) => {
    rejectUnsupportedOptions(req, ['$select', '$expand', '$skiptoken']);
    enforceThrottling(ctx, res, [[CALL_RECORD_RULES.perRecord, `record:${res.locals.caller.appId}:${String(req.params.id)}`], perApp, perTenant]);
    const record = findRecord(String(req.params.id));
    const expand = queryString(req, '$expand');
    if (expand !== undefined && expand.trim() !== 'segments') throw badRequest(`Unsupported $expand '${expand.slice(0, 80)}' on sessions. Supported: segments.`);
    const select = parseSelect(req, SESSION_PROPERTIES);
    const all = asArray(record.sessions);
    const offset = decodeOffsetToken(queryString(req, '$skiptoken'));
    const size = pageSize(parsePrefer(req), SESSIONS_PAGE);
    const base = baseUrl(req);
    const body: JsonObject = { '@odata.context': contextUrl(base, ctx.version, `communications/callRecords('${String(req.params.id)}')/sessions${expand ? '(segments())' : ''}`) };
    body.value = all.slice(offset, offset + size).map((s) => pick(sessionView(s, expand !== undefined), select));
    if (offset + size < all.length) body['@odata.nextLink'] = nextLinkFor(base, req, { $skiptoken: encodeSkipToken(String(offset + size)) });
    send(res, body, req);
  });

  router.get('/:id/participants_v2', callRecordsRole, (req, res) => {
    rejectUnsupportedOptions(req, ['$select', '$skiptoken']);
    enforceThrottling(ctx, res, [[CALL_RECORD_RULES.perRecord, `record:${res.locals.caller.appId}:${String(req.params.id)}`], perApp, perTenant]);
    const record = findRecord(String(req.params.id));
    const select = parseSelect(req, ['id', 'identity', 'administrativeUnitInfos']);
    const all = asArray(record.participants_v2);
    const offset = decodeOffsetToken(queryString(req, '$skiptoken'));
    const size = pageSize(parsePrefer(req), PARTICIPANTS_PAGE);
    const base = baseUrl(req);
    // The documentation example's context URL has no version segment; kept as documented.
    const body: JsonObject = { '@odata.context': `${base}/$metadata#communications/callRecords('${String(req.params.id)}')/participants_v2` };
    body.value = all.slice(offset, offset + size).map((p) => pick(p, select));
    if (offset + size < all.length) body['@odata.nextLink'] = nextLinkFor(base, req, { $skiptoken: encodeSkipToken(String(offset + size)) });
    send(res, body, req);
  });

  router.get('/:id/organizer_v2', callRecordsRole, (req, res) => {
    enforceThrottling(ctx, res, [[CALL_RECORD_RULES.perRecord, `record:${res.locals.caller.appId}:${String(req.params.id)}`], perApp, perTenant]);
    const record = findRecord(String(req.params.id));
    if (!record.organizer_v2) throw notFound(`The call record '${String(req.params.id).slice(0, 80)}' has no organizer.`);
    send(res, { '@odata.context': contextUrl(baseUrl(req), ctx.version, `communications/callRecords('${String(req.params.id)}')/organizer_v2/$entity`), ...(record.organizer_v2 as JsonObject) }, req);
  });

  return router;
}

const cursorOf = (record: JsonObject): string => `${String(record.startDateTime)}|${String(record.id)}`;

function pick(obj: JsonObject, select: Set<string> | undefined): JsonObject {
  if (!select) return obj;
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k === 'id' || select.has(k)));
}
