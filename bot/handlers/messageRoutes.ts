// Text messages: the deterministic router first; what it cannot match goes to the AI planner when
// one is configured, otherwise to a short help card (never silence).
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { cardReply } from '../answers/reply.js';
import { helpCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import { matchIntent } from '../intents/router.js';
import type { CallDoctorTurnState } from '../state.js';
import { respondAsAsker } from './respond.js';

export function registerMessageRoutes(app: Application<CallDoctorTurnState>, deps: BotDependencies, options: { readonly plannerHandlesTheRest: boolean }): void {
  const routed = async (context: TurnContext): Promise<boolean> => isText(context) && matchIntent(context.activity.text ?? '') !== null;

  app.message(routed, async (context) => {
    const intent = matchIntent(context.activity.text ?? '');
    if (!intent) return;
    deps.logger.debug({ intent: intent.name }, 'answering');
    await respondAsAsker(context, deps, (asker) => intent.answer(deps, asker));
  });

  // With a planner, text the router cannot match goes to the AI; anything else (an attachment, a
  // card submit with an unknown verb) still gets help rather than silence.
  const fallback = options.plannerHandlesTheRest ? async (context: TurnContext) => context.activity.type === ActivityTypes.Message && !isText(context) : ActivityTypes.Message;
  app.activity(fallback, async (context) => {
    await respondAsAsker(context, deps, async () => cardReply(helpCard('I’m not sure what you mean. I answer questions about your Teams calls.')));
  });
}

function isText(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Message && typeof context.activity.text === 'string' && context.activity.text.trim() !== '';
}
