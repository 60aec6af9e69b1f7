// "My phone calls this week": the asker's own rows of the PSTN and Direct Routing reports.
import { explainDirectRoutingCall, explainPstnCall } from '../../diagnosis/index.js';
import type { Asker } from '../asker.js';
import { phoneReportRange } from '../calls/phoneRange.js';
import { sameId } from '../calls/participants.js';
import { noticeCard } from '../cards/noticeCard.js';
import { phoneListCard, type PhoneListEntry } from '../cards/phoneListCard.js';
import type { BotDependencies } from '../dependencies.js';
import { cardReply, type BotReply } from './reply.js';

export interface PhonePeriod {
  readonly days: number;
  /** "this week", "today"... as the title says it. */
  readonly label: string;
}

const SHOWN = 10;

export async function answerPhoneCallList(deps: BotDependencies, asker: Asker, period: PhonePeriod): Promise<BotReply> {
  const now = deps.now();
  const range = phoneReportRange(now, period.days);
  const query = { userId: asker.userId, priority: 'interactive' as const };
  const [pstn, directRouting] = await Promise.allSettled([deps.calls.pstnCalls(range, query), deps.calls.directRoutingCalls(range, query)]);
  if (pstn.status === 'rejected' && directRouting.status === 'rejected') throw pstn.reason;
  const entries: (PhoneListEntry & { at: number })[] = [
    ...(pstn.status === 'fulfilled' ? pstn.value.filter((r) => sameId(r.userId, asker.userId)).map((row) => entry('pstn', row.startDateTime, explainPstnCall(row))) : []),
    ...(directRouting.status === 'fulfilled'
      ? directRouting.value.filter((r) => sameId(r.userId, asker.userId)).map((row) => entry('directRouting', row.startDateTime ?? row.inviteDateTime, explainDirectRoutingCall(row)))
      : []),
  ].sort((a, b) => b.at - a.at);

  if (entries.length === 0) {
    return cardReply(
      noticeCard({ title: `No phone calls ${period.label}`, paragraphs: ['I found no phone calls of yours in the Teams Phone or Direct Routing reports for that period. Calls between Teams users are not phone calls; ask "my calls today" for those.'] }),
      'No phone calls found.',
    );
  }
  const failed = entries.filter((e) => e.outcome === 'failed').length;
  const missing = pstn.status === 'rejected' ? 'The Teams Phone report could not be read just now, so only Direct Routing calls are shown.' : directRouting.status === 'rejected' ? 'The Direct Routing report could not be read just now, so only Teams Phone calls are shown.' : null;
  const note = [entries.length > SHOWN ? `Showing the ${SHOWN} most recent of ${entries.length}.` : null, missing].filter(Boolean).join(' ');
  const title = `Your phone calls ${period.label}: ${entries.length}${failed ? `, ${failed} did not connect` : ''}`;
  return cardReply(phoneListCard({ title, entries: entries.slice(0, SHOWN), timeZone: asker.timeZone, now, ...(note ? { note } : {}) }), title);
}

function entry(route: PhoneListEntry['route'], start: string | null | undefined, e: ReturnType<typeof explainPstnCall>): PhoneListEntry & { at: number } {
  const at = start ? Date.parse(start) : Number.NaN;
  return { route, start: Number.isNaN(at) ? null : new Date(at), outcome: e.outcome, summary: e.summary, details: e.details, at: Number.isNaN(at) ? 0 : at };
}
