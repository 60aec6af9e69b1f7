// Without AZURE_OPENAI_API_KEY the planner signs in to Azure OpenAI with the app's own Entra
// identity (the same app registration or managed identity that reads Graph), so production
// needs no extra secret.
import { ClientCertificateCredential, ClientSecretCredential, getBearerTokenProvider, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { GraphSettings } from '../graph/index.js';

const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

export function azureOpenAiTokenProvider(graph: GraphSettings): () => Promise<string> {
  return getBearerTokenProvider(appCredential(graph), COGNITIVE_SERVICES_SCOPE);
}

function appCredential(graph: GraphSettings): TokenCredential {
  const options = { authorityHost: graph.authorityHost };
  switch (graph.auth.kind) {
    case 'secret':
      return new ClientSecretCredential(graph.tenantId, graph.clientId, graph.auth.clientSecret, options);
    case 'certificate':
      return new ClientCertificateCredential(graph.tenantId, graph.clientId, { certificatePath: graph.auth.certificatePath }, options);
    case 'managedIdentity':
      return new ManagedIdentityCredential({ clientId: graph.clientId });
  }
}
