// "My calls today", "poor calls this week", "show my last 5 calls".
import type { Verdict } from '../../diagnosis/types.js';
import type { Asker } from '../asker.js';
import { describeCall, hasParticipantNamed, indexRulesOut } from '../calls/callFacts.js';
import { loadAhead, RECORD_FETCHES_IN_FLIGHT } from '../calls/lookahead.js';
import { listOwnCalls, loadOwnCall } from '../calls/ownCalls.js';
import type { CallListEntry } from '../cards/callListCard.js';
import { callListCard } from '../cards/callListCard.js';
import { noticeCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import { MAX_LISTED_CALLS } from '../intents/entities/count.js';
import { periodWords } from '../intents/entities/periodWords.js';
import type { Symptom } from '../intents/entities/symptom.js';
import type { TimeExpression } from '../intents/entities/timeExpression.js';
import { resolveTimeExpression } from '../intents/entities/timeExpression.js';
import { matchSymptom, SYMPTOM_WORDS } from './symptomMatch.js';
import { safeDiagnose } from './diagnoseOwnCall.js';
import { checkedOnly, openTabButton, TAB_HAS_THE_REST } from './searchLimit.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export interface CallListRequest {
  readonly time?: TimeExpression;
  readonly count?: number;
  /** Only poor, dropped or failed calls. */
  readonly problemsOnly?: boolean;
  /** Only calls with this person. */
  readonly person?: string;
  /** Only calls whose diagnosis explains this symptom. */
  readonly symptom?: Symptom;
}

const PROBLEMS: ReadonlySet<Verdict> = new Set(['poor', 'dropped', 'setup-failed']);
/** Judging a call needs its full record; cap the fetches one question may cost. */
const MAX_RECORDS_EXAMINED = 30;

export async function answerCallList(deps: BotDependencies, asker: Asker, request: CallListRequest): Promise<BotReply> {
  const now = deps.now();
  const window = request.time ? resolveTimeExpression(request.time, now, asker.timeZone) : undefined;
  const wanted = Math.min(request.count ?? MAX_LISTED_CALLS, MAX_LISTED_CALLS);
  const filtering = request.problemsOnly === true || request.person !== undefined || request.symptom !== undefined;
  const summaries = await listOwnCalls(deps.calls, asker.userId, now, {
    ...(window ? { since: window.since, until: window.until } : {}),
    // One more than can be shown or examined, to know whether there are calls beyond them.
    limit: filtering ? MAX_RECORDS_EXAMINED + 1 : wanted + 1,
  });

  const entries: CallListEntry[] = [];
  // A summary whose indexed counterparts already rule the person out costs no fetch.
  const examined = summaries
    .slice(0, MAX_RECORDS_EXAMINED)
    .filter((summary) => !(request.person && indexRulesOut(summary, request.person)));
  for await (const [, record] of loadAhead(examined, (summary) => loadOwnCall(deps.calls, asker.userId, summary.id, summary.version), filtering ? undefined : Math.min(wanted, RECORD_FETCHES_IN_FLIGHT))) {
    if (entries.length >= wanted) break;
    if (!record || (request.person && !hasParticipantNamed(record, asker.userId, request.person))) continue;
    const diagnosis = safeDiagnose(deps, record, asker.userId);
    const verdict = diagnosis.verdict;
    if (request.problemsOnly && !PROBLEMS.has(verdict)) continue;
    if (request.symptom && matchSymptom(request.symptom, diagnosis).score === 0) continue;
    entries.push({ facts: describeCall(record, asker.userId), verdict });
  }
  // The filter ran out of calls to examine before the card was full, and older ones exist.
  const searchCut = filtering && entries.length < wanted && summaries.length > MAX_RECORDS_EXAMINED;
  const period = periodWords(request.time);
  const recentCallsUrl = deps.links.recentCalls();

  const title = listTitle(request, wanted);
  if (entries.length === 0) {
    const withWhom = request.person ? ` with ${request.person}` : '';
    if (request.symptom) {
      const none = `No calls${withWhom} ${period} showed ${SYMPTOM_WORDS[request.symptom]}`;
      const paragraphs = searchCut ? [checkedOnly(MAX_RECORDS_EXAMINED, period, `showing ${SYMPTOM_WORDS[request.symptom]}`), TAB_HAS_THE_REST] : ['I only see calls you took part in, from the last 30 days.'];
      return cardReply(noticeCard({ title: none, paragraphs, ...(searchCut ? { actions: [openTabButton(recentCallsUrl)] } : {}) }), none);
    }
    if (searchCut) {
      const noneWas = request.problemsOnly ? (request.person ? `a poor or dropped call${withWhom}` : 'poor or dropped') : `with ${request.person}`;
      const checked = checkedOnly(MAX_RECORDS_EXAMINED, period, noneWas);
      return cardReply(noticeCard({ title: checked, paragraphs: [TAB_HAS_THE_REST], actions: [openTabButton(recentCallsUrl)] }), checked);
    }
    const empty = request.problemsOnly ? `No poor or dropped calls${withWhom} ${period} 🎉` : `No calls${withWhom} ${period}`;
    return cardReply(
      noticeCard({ title: empty, paragraphs: ['I only see calls you took part in, from the last 30 days. A call that ended in the last half hour may not have its record yet.'] }),
      empty,
    );
  }
  const more = summaries.length > wanted && !filtering && request.count === undefined;
  const note = searchCut
    ? `I checked only your ${MAX_RECORDS_EXAMINED} most recent calls ${period}. The Call Doctor tab lists them all.`
    : more
      ? `Showing the ${entries.length} most recent. The Call Doctor tab lists them all.`
      : undefined;
  return cardReply(
    callListCard({ title, entries, timeZone: asker.timeZone, now, recentCallsUrl, ...(note ? { note } : {}) }),
    `${title}: ${entries.map((e) => `${e.facts.callId} (${e.verdict ?? 'unknown'})`).join(', ')}`,
  );
}

function listTitle(request: CallListRequest, wanted: number): string {
  const withWhom = request.person ? ` with ${request.person}` : '';
  if (request.symptom) return `Your calls${withWhom} showing ${SYMPTOM_WORDS[request.symptom]} ${periodWords(request.time)}`;
  if (request.count !== undefined && !request.time) return request.problemsOnly ? `Your last ${wanted} poor or dropped calls${withWhom}` : `Your last ${wanted} calls${withWhom}`;
  return `${request.problemsOnly ? 'Poor or dropped calls' : 'Your calls'}${withWhom} ${periodWords(request.time)}`;
}
