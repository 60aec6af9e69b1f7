// The emulator is reachable by the same clients the product uses, over HTTPS trusted through
// NODE_EXTRA_CA_CERTS (set by test/support/tls-setup.ts): Node's fetch, @azure/identity's
// ClientSecretCredential with the emulator as authority host, and the Graph JS SDK with paging.
import { ClientSecretCredential } from '@azure/identity';
import { Client, PageIterator } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

describe('emulator with real clients', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 7 });
  });
  afterAll(() => emulator.close());

  const credentialFor = (secret: string): ClientSecretCredential =>
    new ClientSecretCredential(emulator.tenantId, emulator.clientId, secret, { authorityHost: emulator.baseUrl, disableInstanceDiscovery: true });

  it('when ClientSecretCredential asks the emulator for a Graph token, then it gets one that Graph routes accept via fetch', async () => {
    const token = await credentialFor(emulator.clientSecret).getToken('https://graph.microsoft.com/.default');
    const response = await fetch(`${emulator.baseUrl}/v1.0/communications/callRecords`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: { id: string }[] };
    expect(body.value.length).toBeGreaterThan(0);
  });

  it('when the client secret is wrong, then the credential fails with the Entra error', async () => {
    await expect(credentialFor('wrong-secret').getToken('https://graph.microsoft.com/.default')).rejects.toThrow(/7000215|invalid_client/i);
  });

  it('when the Graph SDK pages through the list, then it sends the token on every page and sees every retained record once', async () => {
    const client = Client.initWithMiddleware({
      authProvider: new TokenCredentialAuthenticationProvider(credentialFor(emulator.clientSecret), { scopes: ['https://graph.microsoft.com/.default'] }),
      baseUrl: `${emulator.baseUrl}/`,
      customHosts: new Set(['localhost']),
      defaultVersion: 'v1.0',
    });
    emulator.clearRequests();
    const ids: string[] = [];
    const first = (await client.api('/communications/callRecords').get()) as { value: { id: string }[] };
    await new PageIterator(client, first, (item: { id: string }) => {
      ids.push(item.id);
      return true;
    }).iterate();
    const expected = emulator.tenant!.records.filter((r) => Date.parse(String(r.endDateTime)) >= emulator.now().getTime() - 30 * 86_400_000).length;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(expected);
    const pages = emulator.requests().filter((r) => r.path === '/v1.0/communications/callRecords');
    expect(pages.length).toBe(Math.ceil(expected / 60));
    expect(pages.every((r) => r.status === 200)).toBe(true);
  });

  it('when a Graph route is called without a token, then it answers 401 with a Graph error body', async () => {
    const response = await fetch(`${emulator.baseUrl}/v1.0/communications/callRecords`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('when the app lacks CallRecords.Read.All, then records answer 403 but reports accept CallRecord-PstnCalls.Read.All', async () => {
    const pstnOnly = await emulator.appToken(['CallRecord-PstnCalls.Read.All']);
    const headers = { authorization: `Bearer ${pstnOnly}` };
    const records = await fetch(`${emulator.baseUrl}/v1.0/communications/callRecords`, { headers });
    expect(records.status).toBe(403);
    expect(((await records.json()) as { error: { code: string } }).error.code).toBe('Forbidden');
    const reports = await fetch(`${emulator.baseUrl}/v1.0/communications/callRecords/getPstnCalls(fromDateTime=${isoDay(emulator.now(), -20)},toDateTime=${isoDay(emulator.now(), 0)})`, { headers });
    expect(reports.status).toBe(200);
    const noRoles = await emulator.appToken([]);
    const denied = await fetch(`${emulator.baseUrl}/v1.0/communications/callRecords/getPstnCalls(fromDateTime=${isoDay(emulator.now(), -20)},toDateTime=${isoDay(emulator.now(), 0)})`, { headers: { authorization: `Bearer ${noRoles}` } });
    expect(denied.status).toBe(403);
  });

  it('when a delegated Graph token calls call records, then it is refused with 403: the API takes application permissions only', async () => {
    const token = await emulator.userToken(emulator.tenant!.demoUserId, { audience: 'https://graph.microsoft.com', scopes: ['User.Read'] });
    const response = await fetch(`${emulator.baseUrl}/v1.0/communications/callRecords`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(403);
  });

  it("when the tab's SSO token (another audience) is sent to Graph, then it is rejected with 401", async () => {
    const token = await emulator.userToken(emulator.tenant!.demoUserId);
    const response = await fetch(`${emulator.baseUrl}/v1.0/communications/callRecords`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });
});

function isoDay(now: Date, offsetDays: number): string {
  return new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
