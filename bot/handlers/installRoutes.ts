// Install, uninstall and the conversation reference proactive alerts are sent to.
import type { Application } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import type { Asker } from '../asker.js';
import { identifyAsker } from '../asker.js';
import { toActivity } from '../cards/cardKit.js';
import { welcomeCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import type { CallDoctorTurnState } from '../state.js';

export function registerInstallRoutes(app: Application<CallDoctorTurnState>, deps: BotDependencies): void {
  app.conversationUpdate('membersAdded', async (context, state) => {
    const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient?.id);
    if (botAdded) await welcome(context, state, deps);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const botRemoved = (context.activity.membersRemoved ?? []).some((member) => member.id === context.activity.recipient?.id);
    if (botRemoved) await forgetReference(context, deps);
  });

  app.activity('installationUpdate', async (context, state) => {
    const action = String(context.activity.action ?? '');
    if (action.startsWith('add')) await welcome(context, state, deps);
    else if (action.startsWith('remove')) await forgetReference(context, deps);
  });
}

/** Teams sends both installationUpdate and conversationUpdate on install: greet once per conversation. */
async function welcome(context: TurnContext, state: CallDoctorTurnState, deps: BotDependencies): Promise<void> {
  await rememberReference(context, deps);
  if (state.conversation.welcomed) return;
  state.conversation.welcomed = true;
  await context.sendActivity(toActivity(welcomeCard()));
}

/** Stores where to reach the user proactively. Only personal chats: alerts never go to a group. */
export async function rememberReference(context: TurnContext, deps: BotDependencies): Promise<void> {
  const asker = personalAsker(context);
  if (!asker) return;
  try {
    await deps.stores.conversations.save({ tenantId: asker.tenantId, userId: asker.userId }, TurnContext.getConversationReference(context.activity));
  } catch (error) {
    // Losing the reference only delays alerts; the user's question still gets its answer.
    deps.logger.warn({ err: error }, 'could not store conversation reference');
  }
}

async function forgetReference(context: TurnContext, deps: BotDependencies): Promise<void> {
  const asker = personalAsker(context);
  if (!asker) return;
  await deps.stores.conversations.remove({ tenantId: asker.tenantId, userId: asker.userId });
}

function personalAsker(context: TurnContext): Asker | null {
  const identified = identifyAsker(context.activity);
  return identified.ok && identified.asker.scope === 'personal' ? identified.asker : null;
}
