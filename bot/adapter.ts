// The Bot Framework adapter. With an app id every inbound request must carry a valid Bot Connector
// token (botbuilder answers 401 otherwise); with an empty id the bot runs unauthenticated, which
// only the local Agents Playground may use.
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../graph/logger.js';
import { turnErrorReply } from './handlers/failures.js';

export interface BotAdapterSettings {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly tenantId: string;
}

export function createBotAdapter(settings: BotAdapterSettings, logger: Logger): TeamsAdapter {
  const anonymous = settings.appId === '';
  const adapter = new TeamsAdapter(
    {},
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: settings.appId,
      // A managed identity has no secret; botbuilder rejects one if given.
      MicrosoftAppPassword: settings.appType === 'UserAssignedMSI' ? '' : settings.appPassword,
      // botbuilder insists on MultiTenant when there is no app id.
      MicrosoftAppType: anonymous ? 'MultiTenant' : settings.appType,
      MicrosoftAppTenantId: settings.appType === 'MultiTenant' || anonymous ? '' : settings.tenantId,
    }),
  );
  adapter.onTurnError = async (context, error) => {
    logger.error({ error: error instanceof Error ? error.name : 'unknown', activityType: context.activity.type }, 'unhandled error in bot turn');
    // Only a message deserves a visible answer; an install event or invoke that fails stays silent.
    if (context.activity.type === 'message') await context.sendActivity(turnErrorReply().activity);
  };
  return adapter;
}
