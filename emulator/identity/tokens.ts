// Token issuing and checking for the emulated Microsoft Entra ID. Tokens are real RS256 JWTs
// signed with a key pair created at start, published at the JWKS route, so any JWT library
// (and the product's own validation, if it has one) can verify them.
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const TOKEN_LIFETIME_SECONDS = 3599;

export const ROLE_CALL_RECORDS = 'CallRecords.Read.All';
export const ROLE_PSTN_CALLS = 'CallRecord-PstnCalls.Read.All';
export const ROLE_GROUP_MEMBERS = 'GroupMember.Read.All';
export const ROLE_APP_INSTALL_FOR_USER = 'TeamsAppInstallation.ReadWriteForUser.All';

export interface AppRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly roles: readonly string[];
  readonly displayName?: string;
}

export interface UserTokenRequest {
  readonly oid: string;
  readonly name: string;
  readonly preferredUsername?: string;
  /** Audience of the tab's SSO token: its Application ID URI or client id. */
  readonly audience: string;
  readonly scopes: readonly string[];
  /** App roles assigned to the user (e.g. CallDoctor.Helpdesk); omitted from the token when empty, as Entra does. */
  readonly roles?: readonly string[];
}

export interface VerifiedToken {
  readonly appId: string;
  readonly tenantId: string;
  readonly roles: readonly string[];
  readonly isApp: boolean;
}

export interface TokenIssuer {
  readonly jwks: { readonly keys: readonly JWK[] };
  issueAppToken(app: AppRegistration, issuer: string): Promise<string>;
  issueUserToken(request: UserTokenRequest, issuer: string): Promise<string>;
  /** Throws with a Graph-style message when the token is not one of ours, expired or for another audience. */
  verifyGraphToken(token: string): Promise<VerifiedToken>;
}

export async function createTokenIssuer(tenantId: string, now: () => Date): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const seconds = (): number => Math.floor(now().getTime() / 1000);

  const sign = (claims: JWTPayload, issuer: string, audience: string): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(seconds())
      .setNotBefore(seconds() - 60)
      .setExpirationTime(seconds() + TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(privateKey as CryptoKey);

  return {
    jwks: { keys: [jwk] },
    issueAppToken: (app, issuer) =>
      sign({ tid: tenantId, appid: app.clientId, azp: app.clientId, oid: servicePrincipalId(app.clientId), sub: servicePrincipalId(app.clientId), roles: [...app.roles], idtyp: 'app', ver: '2.0' }, issuer, GRAPH_AUDIENCE),
    issueUserToken: (request, issuer) =>
      sign({ tid: tenantId, oid: request.oid, sub: request.oid, name: request.name, preferred_username: request.preferredUsername, scp: request.scopes.join(' '), ...(request.roles?.length ? { roles: [...request.roles] } : {}), idtyp: 'user', ver: '2.0' }, issuer, request.audience),
    async verifyGraphToken(token) {
      const { payload } = await jwtVerify(token, publicKey, { currentDate: now(), algorithms: ['RS256'] });
      const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!audiences.some((a) => a === GRAPH_AUDIENCE || a === GRAPH_APP_ID)) throw new Error('Invalid audience.');
      if (payload.tid !== tenantId) throw new Error('Invalid tenant.');
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      const appId = typeof payload.appid === 'string' ? payload.appid : typeof payload.azp === 'string' ? payload.azp : '';
      return { appId, tenantId, roles, isApp: payload.idtyp === 'app' };
    },
  };
}

/** A stable service-principal object id per client id, as Entra would assign once. */
export function servicePrincipalId(clientId: string): string {
  let h = 0x811c9dc5;
  for (const ch of clientId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-5e71-4c0a-9000-${hex}${hex.slice(0, 4)}`;
}
