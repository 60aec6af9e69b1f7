// "How was my call with Ravi?", "my 2pm meeting", "yesterday's call with Lena".
import type { CallSummary, FullCallRecord } from '../../graph/contract.js';
import type { Asker } from '../asker.js';
import { hasParticipantNamed, nameMatches } from '../calls/callFacts.js';
import { loadAhead } from '../calls/lookahead.js';
import { listOwnCalls, loadOwnCall } from '../calls/ownCalls.js';
import { noticeCard } from '../cards/noticeCard.js';
import { submit, Verbs } from '../cards/cardKit.js';
import type { BotDependencies } from '../dependencies.js';
import type { TimeExpression } from '../intents/entities/timeExpression.js';
import { resolveTimeExpression } from '../intents/entities/timeExpression.js';
import { answerForRecord } from './diagnoseOwnCall.js';
import { checkedOnly, openTabButton, TAB_HAS_THE_REST } from './searchLimit.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export interface FindCallRequest {
  readonly person?: string;
  readonly time?: TimeExpression;
}

/** Enough to cover a busy day; each candidate may cost a record fetch when its participants are not indexed yet. */
const MAX_CANDIDATES = 25;
/** "My 2pm meeting" still means the one that started at 2:07 or ran from 1:30 to 2:30. */
const CLOCK_TOLERANCE_MS = 45 * 60 * 1000;

export async function answerFindCall(deps: BotDependencies, asker: Asker, request: FindCallRequest): Promise<BotReply> {
  const now = deps.now();
  const window = request.time ? resolveTimeExpression(request.time, now, asker.timeZone) : undefined;
  // One more than is examined, to know whether older calls were left unchecked.
  const listed = await listOwnCalls(deps.calls, asker.userId, now, { ...(window ? { since: window.since, until: window.until } : {}), limit: MAX_CANDIDATES + 1 });
  let candidates = listed.slice(0, MAX_CANDIDATES);

  if (window?.around) {
    const around = window.around.getTime();
    candidates = candidates
      .filter((call) => distanceTo(call, around) <= CLOCK_TOLERANCE_MS)
      .sort((a, b) => distanceTo(a, around) - distanceTo(b, around));
  }

  const worthFetching = candidates.filter((candidate) => !(request.person && candidate.participants && !candidate.participants.some((p) => nameMatches(p.displayName, request.person!))));
  for await (const [, record] of loadAhead(worthFetching, (candidate) => loadOwnCall(deps.calls, asker.userId, candidate.id, candidate.version))) {
    if (!record || !matchesPerson(record, asker.userId, request.person)) continue;
    return answerForRecord(deps, asker, record);
  }
  return notFound(request, listed.length > MAX_CANDIDATES ? deps.links.recentCalls() : null);
}

function matchesPerson(record: FullCallRecord, userId: string, person: string | undefined): boolean {
  return person === undefined || hasParticipantNamed(record, userId, person);
}

/** 0 when the call was running at that time, else how far its start or end is from it. */
function distanceTo(call: CallSummary, instant: number): number {
  const start = new Date(call.startDateTime).getTime();
  const end = new Date(call.endDateTime).getTime();
  if (instant >= start && instant <= end) return 0;
  return Math.min(Math.abs(start - instant), Math.abs(end - instant));
}

/** `tabUrl` set: more calls exist than were examined, so "none found" is only true of those. */
function notFound(request: FindCallRequest, tabUrl: string | null): BotReply {
  const who = request.person ? ` with ${request.person}` : '';
  const when = request.time ? ' at that time' : ' in the last 30 days';
  const actions = [submit('My recent calls', Verbs.recentCalls)];
  if (tabUrl) {
    const checked = checkedOnly(MAX_CANDIDATES, request.time ? 'in that period' : 'in the last 30 days', request.person ? `with ${request.person}` : 'at the time you asked about');
    return cardReply(
      noticeCard({ title: `No call${who} among your ${MAX_CANDIDATES} most recent`, paragraphs: [checked, TAB_HAS_THE_REST], actions: [openTabButton(tabUrl), ...actions] }),
      checked,
    );
  }
  return cardReply(
    noticeCard({
      title: `No call${who} found`,
      paragraphs: [
        `I found no call or meeting of yours${who}${when}. I only see calls you took part in, from the last 30 days, and a call that ended in the last half hour may not have its record yet.`,
      ],
      actions,
    }),
    `No call found${who}${when}.`,
  );
}
