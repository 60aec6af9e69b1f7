// Picks one of the asker's calls for a question: by person, period, meeting size or the symptom the
// user describes. Every candidate comes through calls/ownCalls (index, then the full record's
// participant check), and a question examines at most MAX_CANDIDATES records.
import type { CallSummary, FullCallRecord } from '../../graph/contract.js';
import type { Diagnosis } from '../../diagnosis/types.js';
import type { Asker } from '../asker.js';
import { hasParticipantNamed, indexRulesOut } from '../calls/callFacts.js';
import { listOwnCalls, loadOwnCall } from '../calls/ownCalls.js';
import type { BotDependencies } from '../dependencies.js';
import type { MeetingKind } from '../intents/entities/meetingKind.js';
import type { Symptom } from '../intents/entities/symptom.js';
import type { TimeExpression, TimeWindow } from '../intents/entities/timeExpression.js';
import { resolveTimeExpression } from '../intents/entities/timeExpression.js';
import { safeDiagnose } from './diagnoseOwnCall.js';
import type { SymptomMatch } from './symptomMatch.js';
import { matchSymptom } from './symptomMatch.js';

export interface CallSearch {
  readonly person?: string;
  readonly time?: TimeExpression;
  readonly symptom?: Symptom;
  readonly meeting?: MeetingKind;
}

/** Enough to cover a busy day; each candidate may cost a record fetch when its participants are not indexed yet. */
export const MAX_CANDIDATES = 25;
/** "My 2pm meeting" still means the one that started at 2:07 or ran from 1:30 to 2:30. */
const CLOCK_TOLERANCE_MS = 45 * 60 * 1000;

export interface Examined {
  readonly record: FullCallRecord;
  readonly diagnosis: Diagnosis;
}

export type SearchResult =
  | { readonly found: true; readonly call: Examined; readonly match: SymptomMatch | null; readonly newest: Examined; readonly window: TimeWindow | undefined }
  | { readonly found: false; readonly examined: number; readonly moreExist: boolean; readonly window: TimeWindow | undefined };

export async function searchCalls(deps: BotDependencies, asker: Asker, search: CallSearch): Promise<SearchResult> {
  const now = deps.now();
  const window = search.time ? resolveTimeExpression(search.time, now, asker.timeZone) : undefined;
  // One more than is examined, to know whether older calls were left unchecked.
  const listed = await listOwnCalls(deps.calls, asker.userId, now, { ...(window ? { since: window.since, until: window.until } : {}), limit: MAX_CANDIDATES + 1 });
  const moreExist = listed.length > MAX_CANDIDATES;
  let candidates = listed.slice(0, MAX_CANDIDATES);
  if (window?.around) {
    const around = window.around.getTime();
    candidates = candidates.filter((call) => distanceTo(call, around) <= CLOCK_TOLERANCE_MS).sort((a, b) => distanceTo(a, around) - distanceTo(b, around));
  }
  // Only a symptom or "the biggest meeting" needs every candidate; otherwise the first that fits wins.
  const compareAll = search.symptom !== undefined || search.meeting?.size === 'largest';
  const examined: Examined[] = [];
  for (const candidate of candidates) {
    if (search.person && indexRulesOut(candidate, search.person)) continue;
    const record = await loadOwnCall(deps.calls, asker.userId, candidate.id, candidate.version);
    if (!record || (search.person && !hasParticipantNamed(record, asker.userId, search.person))) continue;
    if (search.meeting?.size === 'oneOnOne' && peopleOn(record) > 2) continue;
    examined.push({ record, diagnosis: safeDiagnose(deps, record, asker.userId) });
    if (!compareAll) break;
  }
  if (examined.length === 0) return { found: false, examined: 0, moreExist, window };
  const newest = [...examined].sort((a, b) => startOf(b.record) - startOf(a.record))[0]!;

  if (search.symptom) {
    let best: { call: Examined; match: SymptomMatch } | null = null;
    for (const call of examined) {
      const match = matchSymptom(search.symptom, call.diagnosis);
      if (match.score > 0 && (!best || match.score > best.match.score)) best = { call, match };
    }
    if (!best) return { found: false, examined: examined.length, moreExist, window };
    return { found: true, call: best.call, match: best.match, newest, window };
  }
  if (search.meeting?.size === 'largest') {
    const biggest = examined.reduce((a, b) => (peopleOn(b.record) > peopleOn(a.record) ? b : a));
    return { found: true, call: biggest, match: null, newest, window };
  }
  return { found: true, call: examined[0]!, match: null, newest, window };
}

/** People on the call: participants_v2, or the sessions' endpoints when that list is empty. */
export function peopleOn(record: FullCallRecord): number {
  return Math.max(record.participants_v2.length, record.sessions.length > 0 ? 2 : 1);
}

function startOf(record: FullCallRecord): number {
  return new Date(record.startDateTime ?? 0).getTime();
}

/** 0 when the call was running at that time, else how far its start or end is from it. */
function distanceTo(call: CallSummary, instant: number): number {
  const start = new Date(call.startDateTime).getTime();
  const end = new Date(call.endDateTime).getTime();
  if (instant >= start && instant <= end) return 0;
  return Math.min(Math.abs(start - instant), Math.abs(end - instant));
}
