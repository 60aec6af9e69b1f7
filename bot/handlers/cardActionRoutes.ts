// Action.Submit buttons on the bot's cards, routed by data.verb.
import type { Application } from '@microsoft/teams-ai';
import { answerCallList } from '../answers/callList.js';
import { answerForgetCancelled, answerForgetConfirmed } from '../answers/forgetMe.js';
import type { ForgetSubmission } from '../answers/forgetMe.js';
import { answerAlerts } from '../answers/alerts.js';
import { recordFeedback } from '../answers/feedback.js';
import type { FeedbackSubmission } from '../answers/feedback.js';
import { answerLastCall } from '../answers/lastCall.js';
import { answerCallById } from '../answers/oneCall.js';
import { answerNotifyWhenReady } from '../answers/pending.js';
import { cardReply } from '../answers/reply.js';
import { Verbs } from '../cards/cardKit.js';
import { helpCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import type { AlertMode } from '../ports.js';
import type { CallDoctorTurnState } from '../state.js';
import { respondAsAsker } from './respond.js';

const ALERT_MODES: readonly AlertMode[] = ['all', 'drops', 'off'];

export function registerCardActions(app: Application<CallDoctorTurnState>, deps: BotDependencies): void {
  const cards = app.adaptiveCards;

  cards.actionSubmit(Verbs.recentCalls, async (context) => {
    await respondAsAsker(context, deps, (asker) => answerCallList(deps, asker, { count: 5 }));
  });

  cards.actionSubmit(Verbs.lastCall, async (context) => {
    await respondAsAsker(context, deps, (asker) => answerLastCall(deps, asker));
  });

  cards.actionSubmit<{ callId?: unknown }>(Verbs.diagnoseCall, async (context, _state, data) => {
    await respondAsAsker(context, deps, async (asker) =>
      typeof data.callId === 'string' ? answerCallById(deps, asker, data.callId) : cardReply(helpCard('That button has no call attached. Try one of these:')),
    );
  });

  cards.actionSubmit<FeedbackSubmission>(Verbs.feedback, async (context, _state, data) => {
    await respondAsAsker(context, deps, async (asker) => {
      const thanks = await recordFeedback(deps, asker, data);
      return { activity: { type: 'message', text: thanks }, summary: thanks };
    });
  });

  cards.actionSubmit(Verbs.notifyWhenReady, async (context) => {
    await respondAsAsker(context, deps, (asker) => answerNotifyWhenReady(deps, asker));
  });

  cards.actionSubmit<{ mode?: unknown }>(Verbs.setAlerts, async (context, _state, data) => {
    const mode = ALERT_MODES.find((m) => m === data.mode);
    await respondAsAsker(context, deps, (asker) => answerAlerts(deps, asker, mode ? { set: mode } : { status: true }));
  });

  cards.actionSubmit<ForgetSubmission>(Verbs.forgetMyData, async (context, state, data) => {
    await respondAsAsker(context, deps, async (asker) => {
      const reply = await answerForgetConfirmed(deps, asker, data);
      // The call under discussion is about the asker too; it goes with the rest.
      if (typeof data.userId === 'string' && data.userId.toLowerCase() === asker.userId.toLowerCase() && state.conversation.discussing) {
        delete state.conversation.discussing[asker.userId.toLowerCase()];
      }
      return reply;
    });
  });

  cards.actionSubmit(Verbs.keepMyData, async (context) => {
    await respondAsAsker(context, deps, async () => answerForgetCancelled());
  });

  cards.actionSubmit(Verbs.help, async (context) => {
    await respondAsAsker(context, deps, async () => cardReply(helpCard()));
  });
}
