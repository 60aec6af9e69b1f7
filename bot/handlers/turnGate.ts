// Runs before every turn. Two rules:
// - Only people of the tenant this bot serves are answered: its call records are that tenant's, and
//   an external-access meeting puts other tenants' object ids into them. Anyone else gets one
//   sentence saying so, and nothing of theirs is stored.
// - In group chats and channels the bot speaks only when @mentioned (card buttons excepted), so it
//   never chimes in on other people's conversation.
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type Activity } from 'botbuilder';
import { mentionsBot, scopeOf } from '../asker.js';
import type { BotDependencies } from '../dependencies.js';
import type { CallDoctorTurnState } from '../state.js';
import { rememberReference } from './installRoutes.js';

export const OTHER_TENANT_REPLY =
  'Call Doctor answers only people of the organisation it was set up for, and your account belongs to another one, so I can’t look at calls for you here.';

export function registerTurnGate(app: Application<CallDoctorTurnState>, deps: BotDependencies): void {
  app.turn('beforeTurn', async (context) => {
    const activity = context.activity;
    if (!fromServedTenant(activity, deps.tenantId)) {
      deps.logger.info({ activityType: activity.type }, 'activity from another tenant refused');
      if (activity.type === ActivityTypes.Message && (scopeOf(activity) === 'personal' || mentionsBot(activity))) {
        await context.sendActivity({ type: 'message', text: OTHER_TENANT_REPLY });
      }
      return false;
    }
    if (activity.type !== ActivityTypes.Message) return true;
    const isCardSubmit = activity.value !== undefined && (activity.text ?? '').trim() === '';
    if (scopeOf(activity) !== 'personal') return isCardSubmit || mentionsBot(activity);
    // Refresh on every personal message: the reference (service URL) can change over time.
    await rememberReference(context, deps);
    return true;
  });
}

/**
 * Every tenant the activity states (conversation.tenantId, channelData.tenant.id) must be the served
 * one; an activity stating none is let through, because identifyAsker then refuses it as having no
 * work account. Entra tenant ids compare case-insensitively.
 */
export function fromServedTenant(activity: Partial<Activity>, servedTenantId: string): boolean {
  const stated = [activity.conversation?.tenantId, (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id];
  const served = servedTenantId.toLowerCase();
  return stated.every((tenant) => tenant === undefined || tenant === null || (typeof tenant === 'string' && tenant.toLowerCase() === served));
}
