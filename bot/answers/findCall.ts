// "How was my call with Ravi?", "my 2pm meeting", "the call before lunch", "the all hands",
// "nobody could hear me in yesterday's meeting": one call, chosen by callSearch.
import type { Asker } from '../asker.js';
import { describeCall } from '../calls/callFacts.js';
import { noticeCard } from '../cards/noticeCard.js';
import { submit, Verbs } from '../cards/cardKit.js';
import type { BotDependencies } from '../dependencies.js';
import type { MeetingKind } from '../intents/entities/meetingKind.js';
import { periodWords, WHOLE_RETENTION } from '../intents/entities/periodWords.js';
import type { Symptom } from '../intents/entities/symptom.js';
import type { TimeExpression } from '../intents/entities/timeExpression.js';
import type { CallSearch, Examined } from './callSearch.js';
import { MAX_CANDIDATES, peopleOn, searchCalls } from './callSearch.js';
import { answerForRecord } from './diagnoseOwnCall.js';
import { capitalise, symptomLead } from './leads.js';
import { noSymptomReply } from './noSymptom.js';
import { checkedOnly, openTabButton, TAB_HAS_THE_REST } from './searchLimit.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export interface FindCallRequest {
  readonly person?: string;
  readonly time?: TimeExpression;
  readonly symptom?: Symptom;
  readonly meeting?: MeetingKind;
}

export async function answerFindCall(deps: BotDependencies, asker: Asker, request: FindCallRequest): Promise<BotReply> {
  const search: CallSearch = request;
  const result = await searchCalls(deps, asker, search);
  const tabUrl = result.found || !result.moreExist ? null : deps.links.recentCalls();
  if (!result.found) {
    if (request.symptom && result.examined > 0) return noSymptomReply(request.symptom, periodWords(request.time), result.examined, result.moreExist ? deps.links.recentCalls() : null);
    return notFound(request, tabUrl);
  }
  const lead = leadFor(deps, asker, request, result.call, result.newest, result.match, result.window?.around !== undefined);
  return answerForRecord(deps, asker, result.call.record, { diagnosis: result.call.diagnosis, ...(lead ? { lead } : {}) });
}

function leadFor(deps: BotDependencies, asker: Asker, request: FindCallRequest, call: Examined, newest: Examined, match: Parameters<typeof symptomLead>[0]['match'] | null, byClock: boolean): string | undefined {
  const period = request.time ? periodWords(request.time) : '';
  const now = deps.now();
  if (request.symptom && match) {
    const others = newest.record.id === call.record.id ? null : { facts: describeCall(newest.record, asker.userId), diagnosis: newest.diagnosis };
    return symptomLead({ symptom: request.symptom, match, matchFacts: describeCall(call.record, asker.userId), newest: others, period, timeZone: asker.timeZone, now });
  }
  if (request.meeting?.size === 'largest') {
    // Call records carry no meeting title: say that "the all hands" was read as the biggest meeting.
    return `${capitalise(request.meeting.said)}: your biggest meeting ${period || WHOLE_RETENTION} (${peopleOn(call.record)} people). Call records don't include meeting titles, so I went by size.`;
  }
  if (period) return `${capitalise(period)}: your ${byClock ? 'call closest to that time' : 'latest call'}${request.person ? ` with ${request.person}` : ''}.`;
  return undefined;
}

/** `tabUrl` set: more calls exist than were examined, so "none found" is only true of those. */
function notFound(request: FindCallRequest, tabUrl: string | null): BotReply {
  const who = request.person ? ` with ${request.person}` : '';
  const kind = request.meeting ? ` like ${request.meeting.said}` : '';
  const when = ` ${periodWords(request.time)}`;
  const actions = [submit('My recent calls', Verbs.recentCalls)];
  if (tabUrl) {
    const checked = checkedOnly(MAX_CANDIDATES, periodWords(request.time), request.person ? `with ${request.person}` : 'at the time you asked about');
    return cardReply(
      noticeCard({ title: `No call${who} among your ${MAX_CANDIDATES} most recent`, paragraphs: [checked, TAB_HAS_THE_REST], actions: [openTabButton(tabUrl), ...actions] }),
      checked,
    );
  }
  return cardReply(
    noticeCard({
      title: `No call${who}${kind}${when}`,
      paragraphs: [
        `I found no call or meeting of yours${who}${kind}${when}. I only see calls you took part in, from the last 30 days, and a call that ended in the last half hour may not have its record yet.`,
      ],
      actions,
    }),
    `No call found${who}${kind}${when}.`,
  );
}
