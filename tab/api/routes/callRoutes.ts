// GET /api/calls and GET /api/calls/{id}: the signed-in user's own calls. A call they did not
// take part in answers exactly like one that does not exist (no oracle), except to the helpdesk,
// whose every read of someone else's calls is audited.
import express, { type Router } from 'express';
import { CallRecordNotFoundError, type FullCallRecord } from '../../../graph/index.js';
import { tookPart } from '../../../bot/calls/participants.js';
import { forbidden, notFound } from '../apiError.js';
import { callerOf } from '../auth/requireUser.js';
import { callPage, nextQuery, parseCallsQuery } from '../calls/callPages.js';
import type { CallDetailResponse, CallListResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';
import { callDetail } from '../views/callDetail.js';

const CALL_ID = /^[0-9a-z-]{1,64}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function callRoutes(deps: TabApiDependencies): Router {
  const router = express.Router();

  router.get('/calls', async (req, res) => {
    const caller = callerOf(res);
    const query = parseCallsQuery(req.query as Record<string, unknown>);
    const subject = query.user ?? caller.userId;
    const forOther = subject !== caller.userId;
    if (forOther && !caller.helpdesk) throw forbidden("Only the helpdesk may list someone else's calls.");
    const page = await callPage(deps, subject, query);
    if (forOther) await deps.audit.record(caller.tenantId, { actorId: caller.userId, actorName: caller.displayName, subjectId: subject, callId: null, action: 'listCalls' });
    const body: CallListResponse = { calls: page.calls, next: page.cursor ? `/api/calls?${nextQuery(query, page.cursor)}` : null, helpdesk: forOther };
    res.json(body);
  });

  router.get('/calls/:id', async (req, res) => {
    const caller = callerOf(res);
    const id = String(req.params.id);
    if (!CALL_ID.test(id)) throw notFound();
    const asked = typeof req.query.user === 'string' && GUID.test(req.query.user) ? req.query.user.toLowerCase() : undefined;
    if (asked && asked !== caller.userId && !caller.helpdesk) throw forbidden("Only the helpdesk may read someone else's calls.");
    const record = await fetchRecord(deps, id);
    if (!record) throw notFound();
    const own = tookPart(record, caller.userId) && (!asked || asked === caller.userId);
    let viewed = caller.userId;
    if (!own) {
      if (!caller.helpdesk) throw notFound();
      viewed = asked && tookPart(record, asked) ? asked : (firstUser(record) ?? caller.userId);
      await deps.audit.record(caller.tenantId, { actorId: caller.userId, actorName: caller.displayName, subjectId: viewed, callId: record.id, action: 'readCall' });
    }
    const body: CallDetailResponse = callDetail(record, deps.diagnose(record, viewed), viewed, !own);
    res.json(body);
  });

  return router;
}

async function fetchRecord(deps: TabApiDependencies, id: string): Promise<FullCallRecord | null> {
  try {
    return await deps.calls.getCall(id, { priority: 'interactive' });
  } catch (error) {
    if (error instanceof CallRecordNotFoundError) return null;
    throw error;
  }
}

/** Whose view a helpdesk read shows when no user was named: the organizer, else the first user participant. */
function firstUser(record: FullCallRecord): string | null {
  const organizer = record.organizer_v2?.identity?.user?.id ?? record.organizer_v2?.id;
  if (organizer && tookPart(record, organizer)) return organizer.toLowerCase();
  const participant = (record.participants_v2 ?? []).map((p) => p.identity?.user?.id).find((pid): pid is string => typeof pid === 'string');
  return participant?.toLowerCase() ?? null;
}
