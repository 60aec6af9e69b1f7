import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigningKey, startTestAuthority, TEST_AUDIENCE, type TestAuthority } from '../testing/tokenAuthority.js';
import { createTokenValidator, TokenRejectedError, type TokenValidator } from './tokenValidator.js';

const TENANT = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
const USER = 'bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb';
const CLIENT_ID = '6d1c1f44-0000-4000-8000-00000000ab01';

describe('tab API bearer validation', () => {
  const clock = new Date('2026-11-20T10:00:00Z');
  const now = (): Date => clock;
  let authority: TestAuthority;
  let validate: TokenValidator;
  const seconds = (): number => Math.floor(clock.getTime() / 1000);

  beforeAll(async () => {
    authority = await startTestAuthority(TENANT, now);
    validate = createTokenValidator({ jwksUrl: authority.jwksUrl, issuers: [authority.issuer], audiences: [TEST_AUDIENCE, CLIENT_ID], tenantId: TENANT, clockSkewSeconds: 60 }, { now, jwksCooldownMs: 0 });
  });
  afterAll(() => authority.close());

  const rejects = async (token: string, message: RegExp): Promise<void> => {
    const error = await validate(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRejectedError);
    expect((error as Error).message).toMatch(message);
  };

  it('accepts a token for the tab with the scope and reads who the user is and their roles', async () => {
    const caller = await validate(await authority.sign({ oid: USER, name: 'Alex Wilber', preferred_username: 'alex@contoso.com', roles: ['CallDoctor.Helpdesk'] }));
    expect(caller).toMatchObject({ userId: USER, tenantId: TENANT, displayName: 'Alex Wilber', userPrincipalName: 'alex@contoso.com', helpdesk: true });
  });

  it('accepts the client id as audience as well as the Application ID URI', async () => {
    await expect(validate(await authority.sign({ oid: USER }, { audience: CLIENT_ID }))).resolves.toMatchObject({ userId: USER, helpdesk: false });
  });

  it('rejects an expired token, beyond the clock skew only', async () => {
    const iat = seconds() - 3600;
    await expect(validate(await authority.sign({ oid: USER }, { iat, exp: seconds() - 30 }))).resolves.toBeTruthy();
    await rejects(await authority.sign({ oid: USER }, { iat, exp: seconds() - 61 }), /expired/);
  });

  it('rejects a token that is not valid yet, beyond the clock skew only', async () => {
    await expect(validate(await authority.sign({ oid: USER }, { nbf: seconds() + 30 }))).resolves.toBeTruthy();
    await rejects(await authority.sign({ oid: USER }, { nbf: seconds() + 600 }), /not valid yet/);
  });

  it('rejects a token signed with another key (forged), even one claiming a published kid', async () => {
    const other = await newSigningKey();
    await rejects(await authority.sign({ oid: USER }, { key: other }), /signature/);
    await rejects(await authority.sign({ oid: USER }, { key: { ...other, kid: authority.key.kid } }), /signature/);
  });

  it('rejects wrong issuer, wrong audience, wrong tenant and a missing scope', async () => {
    await rejects(await authority.sign({ oid: USER }, { issuer: 'https://login.microsoftonline.com/evil/v2.0' }), /another authority/);
    await rejects(await authority.sign({ oid: USER }, { audience: 'https://graph.microsoft.com' }), /audience/);
    await rejects(await authority.sign({ oid: USER, tid: 'cccccccc-3333-4333-8333-cccccccccccc' }), /another tenant/);
    await rejects(await authority.sign({ oid: USER, scp: 'User.Read' }), /access_as_user/);
  });

  it('rejects alg none and garbage', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ oid: USER, tid: TENANT, aud: TEST_AUDIENCE, iss: authority.issuer, scp: 'access_as_user', exp: seconds() + 600 })).toString('base64url');
    await rejects(`${header}.${body}.`, /algorithm|malformed/);
    await rejects('not-a-jwt', /malformed/);
  });

  it('picks up a rotated key without a restart, and caches the key set otherwise', async () => {
    await validate(await authority.sign({ oid: USER }));
    const before = authority.jwksFetches();
    await validate(await authority.sign({ oid: USER }));
    expect(authority.jwksFetches()).toBe(before);
    const rotated = await newSigningKey();
    authority.publish([rotated]);
    // The same validator meets a token with a kid it has not seen: it refetches the key set once.
    await expect(validate(await authority.sign({ oid: USER }, { key: rotated }))).resolves.toMatchObject({ userId: USER });
    expect(authority.jwksFetches()).toBe(before + 1);
    authority.publish([authority.key, rotated]);
  });
});
