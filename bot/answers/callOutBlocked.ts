// "Why can't I call out?": the asker's own rows of the PSTN blocked-users log.
import { explainBlocking } from '../../diagnosis/index.js';
import type { Asker } from '../asker.js';
import { phoneReportRange } from '../calls/phoneRange.js';
import { sameId } from '../calls/participants.js';
import { noticeCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import { formatLocalTime } from '../time/zonedTime.js';
import { cardReply, type BotReply } from './reply.js';

export async function answerCallOutBlocked(deps: BotDependencies, asker: Asker): Promise<BotReply> {
  const now = deps.now();
  const rows = await deps.calls.blockedUsersLog(phoneReportRange(now, 30), { userId: asker.userId, priority: 'interactive' });
  const e = explainBlocking(
    rows.filter((r) => sameId(r.userId, asker.userId)),
    { when: (iso) => formatLocalTime(new Date(iso), asker.timeZone, now) },
  );
  const title = e.blockedNow ? '⛔ You are blocked from calling phone numbers' : '✅ You are not blocked from calling phone numbers';
  return cardReply(noticeCard({ title, paragraphs: [e.summary, ...(e.advice ? [`What to do: ${e.advice}`] : [])] }), `${title}. ${e.summary}`);
}
