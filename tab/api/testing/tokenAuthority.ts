// Test support: a stand-in Entra authority on a loopback HTTP port that publishes a JWKS and signs
// tokens with any claims, so validation can be tested against forged, expired, foreign and rotated
// tokens. For tests only.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export interface TestAuthority {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly tenantId: string;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  /** Publishes this key set instead (key rotation). */
  publish(keys: readonly SigningKey[]): void;
  sign(claims: JWTPayload, options?: { key?: SigningKey; issuer?: string; audience?: string; iat?: number; nbf?: number; exp?: number }): Promise<string>;
  readonly key: SigningKey;
  close(): Promise<void>;
}

export const TEST_AUDIENCE = 'api://localhost/6d1c1f44-0000-4000-8000-00000000ab01';

export async function startTestAuthority(tenantId: string, now: () => Date): Promise<TestAuthority> {
  const key = await newSigningKey();
  let published: readonly SigningKey[] = [key];
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('/discovery/v2.0/keys')) {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published.map((k) => k.jwk) }));
    } else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/${tenantId}/v2.0`;
  const seconds = (): number => Math.floor(now().getTime() / 1000);
  return {
    jwksUrl: `${base}/${tenantId}/discovery/v2.0/keys`,
    issuer,
    tenantId,
    key,
    jwksFetches: () => fetches,
    publish: (keys) => {
      published = keys;
    },
    sign: (claims, options = {}) => {
      const signing = options.key ?? key;
      const iat = options.iat ?? seconds();
      return new SignJWT({ tid: tenantId, ver: '2.0', scp: 'access_as_user', ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signing.kid })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? TEST_AUDIENCE)
        .setIssuedAt(iat)
        .setNotBefore(options.nbf ?? iat - 60)
        .setExpirationTime(options.exp ?? iat + 3600)
        .sign(signing.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
