// The Bot Framework adapter. With an app id every inbound request must carry a valid Bot Connector
// token; with an empty id the bot runs unauthenticated, which only the local Agents Playground may use.
//
// The server does not call botbuilder's CloudAdapter.process: that method checks nothing before
// authenticating, answers failures with the raw error message as the body and writes them to
// console.error, past the redacting logger. Instead the route authenticates first
// (authenticateInbound), then checks the activity's shape, then runs the turn (processAuthenticated);
// every failure comes back to the route as a value or an exception it logs and answers itself.
import {
  CallerIdConstants,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../graph/logger.js';
import { turnErrorReply } from './handlers/failures.js';

export interface BotAdapterSettings {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly tenantId: string;
}

/** botbuilder's AuthenticateRequestResult (botframework-connector's type, not re-exported by botbuilder). */
export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** What the token check found: an identity to run the turn with, or why the request is refused. */
export type InboundAuthentication =
  | { readonly ok: true; readonly identity: AuthenticateRequestResult }
  | { readonly ok: false; readonly reason: string };

/** The two fields of an activity the token is checked against (a channel token names its serviceUrl). */
export interface ClaimedOrigin {
  readonly channelId?: string;
  readonly serviceUrl?: string;
}

export class CallDoctorAdapter extends TeamsAdapter {
  /**
   * Checks the Authorization header before anything else is read from the request. Any failure of
   * the check (missing, malformed, expired, wrongly signed token) is a refusal, never a 500.
   */
  async authenticateInbound(authorization: string, origin: ClaimedOrigin): Promise<InboundAuthentication> {
    try {
      const claimed: Partial<Activity> = {
        ...(origin.channelId !== undefined ? { channelId: origin.channelId } : {}),
        ...(origin.serviceUrl !== undefined ? { serviceUrl: origin.serviceUrl } : {}),
      };
      const identity = await this.botFrameworkAuthentication.authenticateRequest(claimed as Activity, authorization);
      return { ok: true, identity };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown' };
    }
  }

  /** Runs one turn for an activity whose shape the route has checked; resolves to the HTTP answer botbuilder would give. */
  async processAuthenticated(identity: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(identity, withDates(activity), logic);
  }
}

/** botbuilder's public-cloud settings with only the inbound token's metadata and issuer replaced (see ChannelTokenAuthority). */
function parameterizedAuthority(authority: ChannelTokenAuthority): Record<string, string> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: authority.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: authority.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: authority.issuer,
    // botbuilder takes any parameterized value as "all are given": the rest stay the public cloud's.
    // (botframework-connector's AuthenticationConstants, which botbuilder does not re-export).
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** What botbuilder's own process() does before a turn (its validateAndFixActivity is not exported): ISO strings become Dates. */
function withDates(activity: Activity): Activity {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed as unknown as Activity;
}

/**
 * Where channel tokens' signing keys are published. Tests only (a stand-in authority on loopback,
 * since the Bot Framework's OpenID metadata is not reachable offline); server/ never passes one, so
 * production always validates against the Bot Framework's public-cloud metadata and issuer.
 */
export interface ChannelTokenAuthority {
  /** OpenID configuration whose jwks_uri lists the keys, for channel and emulator-style tokens alike. */
  readonly openIdMetadataUrl: string;
  /** The `iss` a channel token must carry (the Bot Framework's is https://api.botframework.com). */
  readonly issuer: string;
}

export function createBotAdapter(settings: BotAdapterSettings, logger: Logger, channelAuthority?: ChannelTokenAuthority): CallDoctorAdapter {
  const anonymous = settings.appId === '';
  const adapter = new CallDoctorAdapter(
    channelAuthority ? parameterizedAuthority(channelAuthority) : {},
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
    // The whole error (message and stack): the server's logger scrubs secrets and personal data from both.
    logger.error({ err: error, activityType: context.activity.type }, 'unhandled error in bot turn');
    // Only a message deserves a visible answer; an install event or invoke that fails stays silent.
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(turnErrorReply().activity);
    } catch (sendError) {
      // The reply path itself is broken (the Bot Connector refused it): log it, never throw from here.
      logger.error({ err: sendError, activityType: context.activity.type }, 'could not send the apology for a failed bot turn');
    }
  };
  return adapter;
}
