// "Did my text to … go through?": the asker's own rows of the SMS log, in plain words.
import { explainSms, maskPhoneNumber } from '../../diagnosis/index.js';
import type { Asker } from '../asker.js';
import { phoneReportRange } from '../calls/phoneRange.js';
import { sameId } from '../calls/participants.js';
import { noticeCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import { samePhoneNumber, type PhoneNumberMention } from '../intents/entities/phoneNumber.js';
import { formatLocalTime } from '../time/zonedTime.js';
import { cardReply, type BotReply } from './reply.js';

const ICONS = { sent: '✅', received: '📩', notSent: '⛔', unknown: '❔' } as const;

export async function answerSmsStatus(deps: BotDependencies, asker: Asker, asked: PhoneNumberMention | null): Promise<BotReply> {
  const now = deps.now();
  const rows = await deps.calls.smsLog(phoneReportRange(now, 30), { userId: asker.userId, priority: 'interactive' });
  const shown = asked ? (asker.scope === 'personal' ? asked.display : (maskPhoneNumber(asked.display) ?? 'that number')) : null;
  const latest = rows
    .filter((r) => sameId(r.userId, asker.userId))
    .filter((r) => (r.smsType ?? '').toLowerCase().endsWith('_out'))
    .filter((r) => !asked || samePhoneNumber(r.destinationNumber, asked))
    .sort((a, b) => Date.parse(b.sentDateTime ?? '') - Date.parse(a.sentDateTime ?? ''))[0];
  if (!latest) {
    return cardReply(
      noticeCard({
        title: shown ? `No text to ${shown} found` : 'No texts found',
        paragraphs: [`I found no text you sent${shown ? ` to ${shown}` : ''} in the last 30 days of the Teams SMS log. Texts show up there a few minutes after they are sent.`],
      }),
      'No text found.',
    );
  }
  const e = explainSms(latest);
  const when = latest.sentDateTime ? formatLocalTime(new Date(latest.sentDateTime), asker.timeZone, now) : null;
  const title = `${ICONS[e.status]} Your text${shown ? ` to ${shown}` : e.otherParty ? ` to ${e.otherParty}` : ''}${when ? ` (${when})` : ''}`;
  return cardReply(noticeCard({ title, paragraphs: [e.summary, ...(e.advice ? [`What to do: ${e.advice}`] : [])] }), `${title}: ${e.summary}`);
}
