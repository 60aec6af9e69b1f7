import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '66666666-7777-4888-9999-000000000000';
const production = { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: CLIENT, GRAPH_CLIENT_SECRET: 's3cret', BOT_ID: CLIENT, BOT_PASSWORD: 'pw', PUBLIC_URL: 'https://calldoctor.contoso.com/', TEAMS_APP_ID: '0c0ffee0-1234-4abc-8def-0123456789ab' };
const INSIGHTS = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';
const secret = { randomSecret: () => 'generated' };

describe('APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('when set in production, then telemetry is configured with it', () => {
    expect(loadConfig({ ...production, APPLICATIONINSIGHTS_CONNECTION_STRING: INSIGHTS }, [], secret).telemetry).toEqual({ connectionString: INSIGHTS });
  });

  it('when unset, then telemetry is off', () => {
    expect(loadConfig(production, [], secret).telemetry).toBeUndefined();
  });

  it('when set in demo mode, then telemetry stays off', () => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: INSIGHTS }, [], secret).telemetry).toBeUndefined();
  });

  it('when it is not a connection string, then start-up fails naming the variable without echoing the value', () => {
    let error: unknown;
    try {
      loadConfig({ ...production, APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string' }, [], secret);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect((error as ConfigError).message).not.toContain('not-a-connection-string');
  });
});
