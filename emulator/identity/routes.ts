// Emulated Microsoft Entra ID endpoints, enough for MSAL/@azure/identity's ClientSecretCredential
// with authorityHost = the emulator's base URL and disableInstanceDiscovery: true.
// Error bodies follow Entra's OAuth 2.0 shape (error, error_description with an AADSTS code).
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { AppRegistry } from './apps.js';
import { GRAPH_AUDIENCE, TOKEN_LIFETIME_SECONDS, type TokenIssuer } from './tokens.js';

export interface IdentityDeps {
  readonly tenantId: string;
  readonly apps: AppRegistry;
  readonly issuer: TokenIssuer;
  readonly now: () => Date;
}

export const baseUrlOf = (req: Request): string => `https://${req.headers.host ?? 'localhost'}`;

export function identityRoutes(deps: IdentityDeps): Router {
  const router = express.Router();
  const knownTenant = (tenant: string | string[] | undefined): boolean => typeof tenant === 'string' && tenant.toLowerCase() === deps.tenantId.toLowerCase();

  const oauthError = (res: Response, status: number, error: string, code: number, description: string): void => {
    res.status(status).json({
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${deps.now().toISOString()}`,
      error_codes: [code],
      timestamp: deps.now().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    });
  };

  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    if (!knownTenant(req.params.tenant)) return oauthError(res, 400, 'invalid_tenant', 90002, `Tenant '${safe(req.params.tenant)}' not found.`);
    const base = `${baseUrlOf(req)}/${deps.tenantId}`;
    res.json({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${baseUrlOf(req)}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid', 'roles', 'scp'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    });
  });

  router.get('/:tenant/discovery/v2.0/keys', (req, res) => {
    if (!knownTenant(req.params.tenant)) return oauthError(res, 400, 'invalid_tenant', 90002, `Tenant '${safe(req.params.tenant)}' not found.`);
    res.json(deps.issuer.jwks);
  });

  router.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    if (!knownTenant(req.params.tenant)) return oauthError(res, 400, 'invalid_request', 90002, `Tenant '${safe(req.params.tenant)}' not found.`);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const basic = parseBasicAuth(req.header('authorization'));
    const clientId = str(form.client_id) ?? basic?.id;
    const clientSecret = str(form.client_secret) ?? basic?.secret;
    if (str(form.grant_type) !== 'client_credentials') {
      return oauthError(res, 400, 'unsupported_grant_type', 70003, "The app requested an unsupported grant type; the emulator issues app tokens with 'client_credentials' only (user tokens: POST /_emulator/tokens/user).");
    }
    if (!clientId) return oauthError(res, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
    const app = deps.apps.find(clientId);
    if (!app) return oauthError(res, 400, 'unauthorized_client', 700016, `Application with identifier '${safe(clientId)}' was not found in the directory '${deps.tenantId}'.`);
    if (clientSecret !== app.clientSecret) return oauthError(res, 401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    const scope = str(form.scope) ?? '';
    if (!scope.split(' ').some((s) => s === `${GRAPH_AUDIENCE}/.default` || s === `${GRAPH_AUDIENCE}//.default`)) {
      return oauthError(res, 400, 'invalid_scope', 1002012, `The provided value for scope ${safe(scope)} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI): ${GRAPH_AUDIENCE}/.default.`);
    }
    const token = await deps.issuer.issueAppToken(app, `${baseUrlOf(req)}/${deps.tenantId}/v2.0`);
    res.json({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: token });
  });

  return router;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** Echoed values are caller-supplied: keep them short and printable. */
const safe = (v: unknown): string => String(v).replace(/[^\w.@:/-]/g, '?').slice(0, 80);

function parseBasicAuth(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}
