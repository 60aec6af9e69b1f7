// Text messages: the deterministic router first; what it cannot match goes to the AI planner when
// one is configured, otherwise to a short help card (never silence). After every turn the call
// the answer was about becomes the call under discussion, persisted in conversation state.
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { cardReply } from '../answers/reply.js';
import { helpCard } from '../cards/noticeCard.js';
import { discussedCall, rememberAnsweredCall } from '../conversation/discussion.js';
import type { BotDependencies } from '../dependencies.js';
import { matchIntent } from '../intents/router.js';
import type { CallDoctorTurnState } from '../state.js';
import { respondAsAsker } from './respond.js';

export function registerMessageRoutes(app: Application<CallDoctorTurnState>, deps: BotDependencies, options: { readonly plannerHandlesTheRest: boolean }): void {
  const routed = async (context: TurnContext): Promise<boolean> => isText(context) && matchIntent(context.activity.text ?? '') !== null;

  app.message(routed, async (context, state) => {
    const intent = matchIntent(context.activity.text ?? '');
    if (!intent) return;
    deps.logger.debug({ intent: intent.name }, 'answering');
    await respondAsAsker(context, deps, (asker) => intent.answer(deps, asker, { discussed: discussedCall(state, asker.userId, deps.now()) }));
  });

  // With a planner, text the router cannot match goes to the AI; anything else (an attachment, a
  // card submit with an unknown verb) still gets help rather than silence.
  const fallback = options.plannerHandlesTheRest ? async (context: TurnContext) => context.activity.type === ActivityTypes.Message && !isText(context) : ActivityTypes.Message;
  app.activity(fallback, async (context) => {
    await respondAsAsker(context, deps, async () => cardReply(helpCard('I’m not sure what you mean. I answer questions about your Teams calls.')));
  });

  // Typed questions, card buttons and planner actions all answer through respondAsAsker, which
  // notes the call an answer was about; this keeps it for the next turn's follow-ups.
  app.turn('afterTurn', async (context, state) => {
    rememberAnsweredCall(context, state, deps.now());
    return true;
  });
}

function isText(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Message && typeof context.activity.text === 'string' && context.activity.text.trim() !== '';
}
