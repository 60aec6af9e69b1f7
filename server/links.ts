// Deep links the bot puts on its cards. In Teams they open the personal tab at the call
// (https://teams.microsoft.com/l/entity/{appId}/{entityId}?webUrl=...&context={"subEntityId":...});
// in demo mode there is no Teams client to open them, so they point at the tab the server hosts.
import type { BotLinks } from '../bot/index.js';

/** The personal tab's entityId in appPackage/manifest.json. */
export const CALLS_TAB_ENTITY_ID = 'calls';

export interface LinkSettings {
  readonly mode: 'demo' | 'production';
  readonly teamsAppId: string;
  /** Where this server is reachable, e.g. https://calldoctor.contoso.com (no trailing slash). */
  readonly publicUrl: string;
}

export function createLinks(settings: LinkSettings): BotLinks {
  const tabUrl = (subPage: string) => `${settings.publicUrl}/tab/#/${subPage}`;
  const teamsLink = (subEntityId: string, label: string) => {
    const query = new URLSearchParams({
      webUrl: tabUrl(subEntityId),
      label,
      context: JSON.stringify({ subEntityId }),
    });
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.teamsAppId)}/${CALLS_TAB_ENTITY_ID}?${query.toString()}`;
  };
  const link = (subEntityId: string, label: string) => (settings.mode === 'demo' ? tabUrl(subEntityId) : teamsLink(subEntityId, label));
  return {
    callDetails: (callId: string) => link(`calls/${encodeURIComponent(callId)}`, 'Call details'),
    recentCalls: () => link('calls', 'Recent calls'),
  };
}
