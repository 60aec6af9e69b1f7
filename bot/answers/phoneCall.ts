// "Why did my call to +1 425 555 0100 fail?": the asker's rows in the PSTN and Direct Routing reports.
import { maskPhoneNumber } from '../../diagnosis/index.js';
import type { Asker } from '../asker.js';
import { RETENTION_DAYS } from '../calls/ownCalls.js';
import { phoneReportRange } from '../calls/phoneRange.js';
import { sameId } from '../calls/participants.js';
import { noticeCard } from '../cards/noticeCard.js';
import { phoneCallCard } from '../cards/phoneCallCard.js';
import { submit, Verbs } from '../cards/cardKit.js';
import type { BotDependencies, PhoneCallRow } from '../dependencies.js';
import type { PhoneNumberMention } from '../intents/entities/phoneNumber.js';
import { samePhoneNumber } from '../intents/entities/phoneNumber.js';
import { describePhoneCallOutcome } from './phoneCallOutcome.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export async function answerPhoneCall(deps: BotDependencies, asker: Asker, asked: PhoneNumberMention): Promise<BotReply> {
  const now = deps.now();
  const number = { ...asked, display: shownNumber(asked, asker) };
  const range = phoneReportRange(now, RETENTION_DAYS);
  const query = { userId: asker.userId, priority: 'interactive' as const };
  // The two reports need the same permission but are separate services; one failing should not hide the other.
  const [pstn, directRouting] = await Promise.allSettled([deps.calls.pstnCalls(range, query), deps.calls.directRoutingCalls(range, query)]);
  if (pstn.status === 'rejected' && directRouting.status === 'rejected') throw pstn.reason;
  for (const [name, result] of [['pstn', pstn], ['directRouting', directRouting]] as const) {
    if (result.status === 'rejected') deps.logger.warn({ report: name, error: errorName(result.reason) }, 'phone report unavailable; answering from the other one');
  }

  const rows: PhoneCallRow[] = [
    ...(pstn.status === 'fulfilled' ? pstn.value.map((row) => ({ kind: 'pstn' as const, row })) : []),
    ...(directRouting.status === 'fulfilled' ? directRouting.value.map((row) => ({ kind: 'directRouting' as const, row })) : []),
  ];
  const matching = rows
    // The report filter is graph/'s job; checking again here keeps one user's rows from ever reaching another.
    .filter((call) => sameId(call.row.userId, asker.userId))
    .filter((call) => samePhoneNumber(call.row.calleeNumber, number) || samePhoneNumber(call.row.callerNumber, number))
    .sort((a, b) => startOf(b) - startOf(a));

  const latest = matching[0];
  if (!latest) {
    return cardReply(
      noticeCard({
        title: `No phone call with ${number.display} found`,
        paragraphs: ['I found no phone call of yours to or from that number in the last 30 days in the Teams Phone or Direct Routing reports.'],
        actions: [submit('My recent calls', Verbs.recentCalls)],
      }),
      'No phone call with that number found.',
    );
  }
  const explanation = deps.explainPhoneCall ? deps.explainPhoneCall(latest) : describePhoneCallOutcome(latest);
  return cardReply(phoneCallCard({ call: latest, explanation, number: number.display, timeZone: asker.timeZone, now }), `Phone call: ${explanation.outcome}. ${explanation.summary}`);
}

/**
 * In a personal chat the asker typed the number to the bot alone, so it is echoed as written (they
 * recognise their own formatting). In a group chat or channel the answer is read by everyone:
 * only the last digits show there, as on every other card.
 */
function shownNumber(asked: PhoneNumberMention, asker: Asker): string {
  return asker.scope === 'personal' ? asked.display : (maskPhoneNumber(asked.display) ?? 'that number');
}

function startOf(call: PhoneCallRow): number {
  const start = call.row.startDateTime ?? (call.kind === 'directRouting' ? call.row.inviteDateTime : null);
  return start ? new Date(start).getTime() : 0;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
