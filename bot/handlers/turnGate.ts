// Runs before every turn. In group chats and channels the bot speaks only when @mentioned (card
// buttons excepted), so it never chimes in on other people's conversation.
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { mentionsBot, scopeOf } from '../asker.js';
import type { BotDependencies } from '../dependencies.js';
import type { CallDoctorTurnState } from '../state.js';
import { rememberReference } from './installRoutes.js';

export function registerTurnGate(app: Application<CallDoctorTurnState>, deps: BotDependencies): void {
  app.turn('beforeTurn', async (context) => {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return true;
    const isCardSubmit = activity.value !== undefined && (activity.text ?? '').trim() === '';
    if (scopeOf(activity) !== 'personal') return isCardSubmit || mentionsBot(activity);
    // Refresh on every personal message: the reference (service URL) can change over time.
    await rememberReference(context, deps);
    return true;
  });
}
