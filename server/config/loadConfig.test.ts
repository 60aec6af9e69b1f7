import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_TENANT_ID, loadConfig } from './loadConfig.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '66666666-7777-4888-9999-000000000000';
const TEAMS_APP = '0c0ffee0-1234-4abc-8def-0123456789ab';
const production = { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: CLIENT, GRAPH_CLIENT_SECRET: 's3cret', BOT_ID: CLIENT, BOT_PASSWORD: 'pw', PUBLIC_URL: 'https://calldoctor.contoso.com/', TEAMS_APP_ID: TEAMS_APP };
const fixedSecret = { randomSecret: () => 'generated' };

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('when no tenant is configured, runs in demo mode against the local emulator with an anonymous bot', () => {
    const config = loadConfig({}, [], fixedSecret);
    expect(config.mode).toBe('demo');
    expect(config.graph.baseUrl).toBe('https://localhost:4443');
    expect(config.graph.authorityHost).toBe('https://localhost:4443');
    expect(config.graph.tenantId).toBe(DEMO_TENANT_ID);
    expect(config.bot).toMatchObject({ appId: '', appType: 'MultiTenant' });
    expect(config.demo).toMatchObject({ emulatorPort: 4443, playground: true, recordsDir: undefined });
    expect(config.port).toBe(3978);
    expect(config.publicUrl).toBe('http://localhost:3978');
    expect(config.store).toEqual({ kind: 'sqlite', path: 'data/call-doctor.sqlite' });
  });

  it('when started with --records, --port, --tenant and --no-playground, demo mode uses them', () => {
    const config = loadConfig({}, ['--records', 'fixtures', '--port', '4000', '--tenant', TENANT, '--no-playground'], fixedSecret);
    expect(config.port).toBe(4000);
    expect(config.graph.tenantId).toBe(TENANT);
    expect(config.demo).toMatchObject({ recordsDir: 'fixtures', playground: false });
  });

  it('when DEMO_LIVE_SECONDS is unset, demo mode ends a live call every 45 s; 0 turns it off; a negative or non-number is refused naming it', () => {
    expect(loadConfig({}, [], fixedSecret).demo!.liveSeconds).toBe(45);
    expect(loadConfig({ DEMO_LIVE_SECONDS: '0' }, [], fixedSecret).demo!.liveSeconds).toBe(0);
    expect(() => loadConfig({ DEMO_LIVE_SECONDS: '-5' }, [], fixedSecret)).toThrow(/DEMO_LIVE_SECONDS/);
    expect(() => loadConfig({ DEMO_LIVE_SECONDS: 'often' }, [], fixedSecret)).toThrow(/DEMO_LIVE_SECONDS/);
  });

  it('when a tenant is configured, reads real Graph with the configured credential', () => {
    const config = loadConfig(production, [], fixedSecret);
    expect(config.mode).toBe('production');
    expect(config.demo).toBeUndefined();
    expect(config.graph).toEqual({
      tenantId: TENANT,
      clientId: CLIENT,
      auth: { kind: 'secret', clientSecret: 's3cret' },
      baseUrl: 'https://graph.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com',
      combinedQueries: false,
    });
    expect(config.bot).toEqual({ appId: CLIENT, appPassword: 'pw', appType: 'SingleTenant', tenantId: TENANT, turnDeadlineMs: 8000 });
  });

  it('when GRAPH_COMBINED_QUERIES is true, Graph is asked with the combined query forms; by default, or false, with the documented ones; anything else is refused', () => {
    expect(loadConfig({}, [], fixedSecret).graph.combinedQueries).toBe(false);
    expect(loadConfig({ ...production, GRAPH_COMBINED_QUERIES: 'true' }).graph.combinedQueries).toBe(true);
    expect(loadConfig({ ...production, GRAPH_COMBINED_QUERIES: 'false' }).graph.combinedQueries).toBe(false);
    expect(loadConfig({ GRAPH_COMBINED_QUERIES: 'TRUE' }, [], fixedSecret).graph.combinedQueries).toBe(true);
    expect(errorOf(() => loadConfig({ ...production, GRAPH_COMBINED_QUERIES: 'yes please' })).variable).toBe('GRAPH_COMBINED_QUERIES');
  });

  it('infers certificate and managed-identity auth from what is set', () => {
    const { GRAPH_CLIENT_SECRET: _, ...noSecret } = production;
    expect(loadConfig({ ...noSecret, GRAPH_CERTIFICATE_PATH: '/certs/graph.pem' }).graph.auth).toEqual({ kind: 'certificate', certificatePath: '/certs/graph.pem' });
    expect(loadConfig({ ...noSecret, BOT_TYPE: 'UserAssignedMSI' }).graph.auth).toEqual({ kind: 'managedIdentity', clientId: CLIENT });
  });

  it.each([
    [{ ...production, GRAPH_CLIENT_ID: undefined }, 'GRAPH_CLIENT_ID'],
    [{ ...production, GRAPH_TENANT_ID: 'contoso' }, 'GRAPH_TENANT_ID'],
    [{ ...production, BOT_ID: undefined }, 'BOT_ID'],
    [{ ...production, BOT_PASSWORD: undefined }, 'BOT_PASSWORD'],
    [{ ...production, BOT_TYPE: 'MultiTenant' }, 'BOT_TYPE'],
    [{ BOT_TURN_DEADLINE_MS: '15000' }, 'BOT_TURN_DEADLINE_MS'],
    [{ BOT_TURN_DEADLINE_MS: 'soon' }, 'BOT_TURN_DEADLINE_MS'],
    [{ BOT_ID: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', BOT_PASSWORD: 'pw', BOT_TYPE: 'multitenant' }, 'BOT_TYPE'],
    [{ ...production, PUBLIC_URL: undefined }, 'PUBLIC_URL'],
    [{ ...production, PUBLIC_URL: 'http://calldoctor.contoso.com' }, 'PUBLIC_URL'],
    [{ ...production, TEAMS_APP_ID: undefined }, 'TEAMS_APP_ID'],
    [{ ...production, TEAMS_APP_ID: 'call-doctor' }, 'TEAMS_APP_ID'],
    [{ ...production, BOT_TYPE: 'Sometimes' }, 'BOT_TYPE'],
    [{ ...production, GRAPH_AUTH: 'certificate' }, 'GRAPH_CERTIFICATE_PATH'],
    [{ ...production, GRAPH_BASE_URL: 'http://graph.example' }, 'GRAPH_BASE_URL'],
    [{ PORT: '99999' }, 'PORT'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ STORE: 'azure' }, 'AZURE_STORAGE_CONNECTION_STRING'],
    [{ STORE: 'mongo' }, 'STORE'],
    [{ STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_ALERTS_QUEUE: 'Alerts' }, 'AZURE_STORAGE_ALERTS_QUEUE'],
    [{ STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_ALERTS_QUEUE: 'call--doctor' }, 'AZURE_STORAGE_ALERTS_QUEUE'],
    [{ STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_ALERTS_QUEUE: 'q1' }, 'AZURE_STORAGE_ALERTS_QUEUE'],
    [{ CQD_THRESHOLDS: '{"audio.jitterMs":"high"}' }, 'CQD_THRESHOLDS'],
    [{ CQD_THRESHOLDS: 'not json' }, 'CQD_THRESHOLDS'],
    [{ AZURE_OPENAI_ENDPOINT: 'https://aoai.example' }, 'AZURE_OPENAI_DEPLOYMENT'],
    [{ ALERTS_CLIENT_STATE: 'x'.repeat(129) }, 'ALERTS_CLIENT_STATE'],
  ])('names the invalid variable: %j -> %s', (env, variable) => {
    const error = errorOf(() => loadConfig(env as Record<string, string>, [], fixedSecret));
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('never echoes a secret value in its error', () => {
    const error = errorOf(() => loadConfig({ ...production, GRAPH_CLIENT_SECRET: 'hunter2-secret', GRAPH_BASE_URL: 'ftp://x' }));
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('rejects unknown command-line options and --records outside demo mode', () => {
    expect(errorOf(() => loadConfig({}, ['--recrods', 'x'])).variable).toBe('command line');
    expect(errorOf(() => loadConfig(production, ['--records', 'x'])).variable).toBe('--records');
  });

  it('reads the Azure store with the alert queue infra/azure.bicep creates, or the one named', () => {
    const azure = { STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
    expect(loadConfig(azure, [], fixedSecret).store).toEqual({ kind: 'azure', connectionString: 'UseDevelopmentStorage=true', alertsQueue: 'calldoctor-alerts' });
    expect(loadConfig({ ...azure, AZURE_STORAGE_ALERTS_QUEUE: 'calldoctor-alerts-2' }, [], fixedSecret).store).toMatchObject({ alertsQueue: 'calldoctor-alerts-2' });
  });

  it('parses threshold overrides and keeps an explicit client state', () => {
    const config = loadConfig({ CQD_THRESHOLDS: '{"audio.jitterMs":40}', ALERTS_CLIENT_STATE: 'shared' }, [], fixedSecret);
    expect(config.thresholdOverrides).toEqual({ 'audio.jitterMs': 40 });
    expect(config.alerts.clientState).toBe('shared');
  });
});

describe('privacy, group install and digest settings', () => {
  it('when nothing is set, then summaries are kept 90 days, the group install is off and the digest goes out at 08:00 UTC', () => {
    const config = loadConfig(production, [], fixedSecret);
    expect(config.summaryRetentionDays).toBe(90);
    expect(config.groupInstall).toBeUndefined();
    expect(config.channelDigestTime).toBe('08:00');
  });

  it('when a group is configured, then its members get the app from the catalog id, which defaults to TEAMS_APP_ID', () => {
    const group = 'a0a0a0a0-1111-4222-8333-444444444444';
    expect(loadConfig({ ...production, ALERTS_INSTALL_GROUP_ID: group }, [], fixedSecret).groupInstall).toEqual({ groupId: group, catalogAppId: TEAMS_APP });
    const catalog = 'b1b1b1b1-1111-4222-8333-444444444444';
    expect(loadConfig({ ...production, ALERTS_INSTALL_GROUP_ID: group, ALERTS_INSTALL_CATALOG_APP_ID: catalog }, [], fixedSecret).groupInstall?.catalogAppId).toBe(catalog);
  });

  it('when a value is invalid, then the error names the variable', () => {
    expect(errorOf(() => loadConfig({ ...production, SUMMARY_RETENTION_DAYS: '7' }, [], fixedSecret)).variable).toBe('SUMMARY_RETENTION_DAYS');
    expect(errorOf(() => loadConfig({ ...production, ALERTS_INSTALL_GROUP_ID: 'sales' }, [], fixedSecret)).variable).toBe('ALERTS_INSTALL_GROUP_ID');
    expect(errorOf(() => loadConfig({ ...production, CHANNEL_DIGEST_TIME: '8am' }, [], fixedSecret)).variable).toBe('CHANNEL_DIGEST_TIME');
  });
});
