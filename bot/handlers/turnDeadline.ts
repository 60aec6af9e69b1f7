// Every answer is due well inside the Bot Connector's limit (about 15 s; after it Teams shows a
// failure or redelivers the message). The HTTP answer waits for the whole turn (longRunningMessages
// is off), so a slow Graph would otherwise cost the user their answer. When the deadline comes the
// turn answers with what is known (the question is understood, the records are still being read),
// ends, and the real answer follows as soon as it is ready: it replaces that notice where the
// channel allows (Teams), or arrives as a new message.
import { TurnContext, type BotAdapter, type ConversationReference } from 'botbuilder';
import type { BotReply } from '../answers/reply.js';
import { cardReply } from '../answers/reply.js';
import { noticeCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';

/** Well inside the Bot Connector's ~15 s, leaving room for the reply's own round trip. */
export const DEFAULT_TURN_DEADLINE_MS = 8_000;

export function stillWorkingReply(): BotReply {
  return cardReply(
    noticeCard({
      title: '⏳ Still reading your call records',
      paragraphs: ['Microsoft Graph is slow to answer right now. I understood your question and I’m still reading the call records it needs: the answer will appear here in a moment, you don’t need to ask again.'],
    }),
    'Still reading call records; the answer follows.',
  );
}

/** Sends `work`'s reply in this turn if it is ready by the deadline; otherwise a notice now and the reply later. */
export async function sendWithinDeadline(context: TurnContext, deps: BotDependencies, work: Promise<BotReply>): Promise<BotReply> {
  const deadlineMs = deps.turnDeadlineMs ?? DEFAULT_TURN_DEADLINE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const first = await Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  if (first !== 'deadline') {
    await context.sendActivity(first.activity);
    return first;
  }
  const notice = stillWorkingReply();
  const sent = await context.sendActivity(notice.activity);
  deps.logger.info({ deadlineMs }, 'bot answer past the turn deadline: notice sent, answer follows');
  // The turn ends now; its context is revoked, so the follow-up opens the conversation anew.
  void followUp(context.adapter, deps, TurnContext.getConversationReference(context.activity), sent?.id, work);
  return notice;
}

async function followUp(adapter: BotAdapter, deps: BotDependencies, reference: Partial<ConversationReference>, noticeId: string | undefined, work: Promise<BotReply>): Promise<void> {
  try {
    const reply = await work;
    await adapter.continueConversationAsync(deps.botAppId ?? '', reference, async (later) => {
      if (noticeId) {
        try {
          await later.updateActivity({ ...reply.activity, id: noticeId });
          return;
        } catch (error) {
          deps.logger.debug({ err: error }, 'could not replace the still-working notice; sending the answer as a new message');
        }
      }
      await later.sendActivity(reply.activity);
    });
  } catch (error) {
    deps.logger.error({ err: error }, 'could not send the answer that followed a turn deadline');
  }
}
