import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { GraphSettings } from '../settings.js';

const MICROSOFT_AUTHORITIES = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'];

/**
 * The app-only credential for Graph (call records have no delegated access). Instance discovery
 * is skipped for hosts that are not Microsoft Entra clouds, so the emulator's identity endpoint works.
 */
export function createCredential(settings: GraphSettings): TokenCredential {
  const authorityHost = settings.authorityHost;
  const options = { authorityHost, disableInstanceDiscovery: !MICROSOFT_AUTHORITIES.includes(new URL(authorityHost).hostname) };
  switch (settings.auth.kind) {
    case 'secret':
      return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.auth.clientSecret, options);
    case 'certificate':
      return new ClientCertificateCredential(settings.tenantId, settings.clientId, { certificatePath: settings.auth.certificatePath }, options);
    case 'managedIdentity':
      return settings.auth.clientId === undefined ? new ManagedIdentityCredential() : new ManagedIdentityCredential({ clientId: settings.auth.clientId });
  }
}

const GRAPH_HOSTS = ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'];

/** The token scope: the Graph cloud's own for national clouds; the global one for anything else (the emulator). */
export function graphScope(baseUrl: string): string {
  const url = new URL(baseUrl);
  return GRAPH_HOSTS.includes(url.hostname) ? `${url.origin}/.default` : 'https://graph.microsoft.com/.default';
}
