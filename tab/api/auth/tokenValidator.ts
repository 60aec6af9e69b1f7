// Validates the tab's bearer tokens with jose: signature through the authority's JWKS (fetched
// once, cached, refetched when a token names a key it has not seen, so rotated keys are picked
// up), issuer, audience, tenant, expiry and not-before with a small skew, and the delegated scope.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { API_SCOPE, HELPDESK_ROLE } from '../contract.js';

export interface TokenValidationSettings {
  /** The authority's JWKS, e.g. https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys. */
  readonly jwksUrl: string;
  /** Accepted issuers (Entra v2.0 and v1.0 forms for the tenant). */
  readonly issuers: readonly string[];
  /** Accepted audiences: the tab's Application ID URI and its client id. */
  readonly audiences: readonly string[];
  readonly tenantId: string;
  readonly clockSkewSeconds?: number;
}

/** Who is calling, from a validated token. */
export interface Caller {
  readonly userId: string;
  readonly tenantId: string;
  readonly displayName: string | null;
  readonly userPrincipalName: string | null;
  readonly roles: readonly string[];
  readonly helpdesk: boolean;
}

/** Why a token was refused; the message is safe to show the caller (it never echoes the token). */
export class TokenRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRejectedError';
  }
}

/** The authority's keys could not be fetched; the token was not judged. */
export class AuthorityUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The sign-in authority could not be reached to check the token.', { cause });
    this.name = 'AuthorityUnavailableError';
  }
}

export type TokenValidator = (token: string) => Promise<Caller>;

export interface TokenValidatorOptions {
  readonly now: () => Date;
  /** Replaces the remote JWKS (tests with a local key set). */
  readonly keys?: JWTVerifyGetKey;
  /** Least time between two JWKS fetches for unknown key ids (default 30 s); tests shorten it. */
  readonly jwksCooldownMs?: number;
}

const DEFAULT_SKEW_SECONDS = 120;

export function createTokenValidator(settings: TokenValidationSettings, options: TokenValidatorOptions): TokenValidator {
  // createRemoteJWKSet caches the key set and refetches (at most every 30 s) when a kid is unknown.
  const keys = options.keys ?? createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: options.jwksCooldownMs ?? 30_000, cacheMaxAge: 24 * 60 * 60 * 1000 });
  const tenant = settings.tenantId.toLowerCase();
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: [...settings.issuers],
        audience: [...settings.audiences],
        // Entra signs with RS256; an explicit list also refuses alg "none" and HMAC confusion.
        algorithms: ['RS256'],
        clockTolerance: settings.clockSkewSeconds ?? DEFAULT_SKEW_SECONDS,
        currentDate: options.now(),
        requiredClaims: ['exp', 'tid', 'oid'],
      }));
    } catch (error) {
      // Not a verdict on the token: the key set could not be fetched. The caller answers 503, not 401.
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw new AuthorityUnavailableError(error);
      throw new TokenRejectedError(reason(error));
    }
    if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== tenant) throw new TokenRejectedError('The token was issued for another tenant.');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(API_SCOPE)) throw new TokenRejectedError(`The token lacks the ${API_SCOPE} scope.`);
    if (typeof payload.oid !== 'string' || payload.oid === '') throw new TokenRejectedError('The token names no user (oid).');
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    return {
      userId: payload.oid.toLowerCase(),
      tenantId: tenant,
      displayName: typeof payload.name === 'string' ? payload.name : null,
      userPrincipalName: typeof payload.preferred_username === 'string' ? payload.preferred_username : typeof payload.upn === 'string' ? payload.upn : null,
      roles,
      helpdesk: roles.includes(HELPDESK_ROLE),
    };
  };
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet.';
    if (error.claim === 'iss') return 'The token was issued by another authority.';
    if (error.claim === 'aud') return 'The token is for another application (audience).';
    return `The token's ${error.claim} claim is missing or invalid.`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "The token signature does not match the authority's keys.";
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this API does not accept.';
  return 'The token is malformed or could not be verified.';
}
