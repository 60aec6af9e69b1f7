import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { REDACTED } from './redact.js';
import type { LogLevel } from '../config/index.js';

function capture(level: LogLevel = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines, text: () => lines.join('\n') };
}

// Shaped like a Graph segment's caller endpoint and a PSTN report row, with the values a leak would show.
const segment = {
  id: 'seg-1',
  media: [
    {
      label: 'main-audio',
      callerNetwork: {
        ipAddress: '10.0.0.12',
        reflexiveIPAddress: '203.0.113.7',
        relayIPAddress: '2001:db8::9',
        macAddress: '00-1A-2B-3C-4D-5E',
        subnet: '10.0.0.0',
        wifiSignalStrength: 21,
      },
    },
  ],
};
const pstnRow = { callId: 'c-1', callerNumber: '+14255550100', calleeNumber: '+442071838750', clientPublicIpV4Address: '198.51.100.4', duration: 42 };

describe('createLogger', () => {
  it('when a whole call record is logged, then no IP, MAC or phone number reaches the output', () => {
    const { logger, text } = capture();
    logger.info({ segment, pstnRow }, 'fetched record');
    const out = text();
    for (const leaked of ['10.0.0.12', '203.0.113.7', '2001:db8::9', '00-1A-2B-3C-4D-5E', '+14255550100', '+442071838750', '198.51.100.4']) {
      expect(out).not.toContain(leaked);
    }
    // The diagnostic value survives: redaction is targeted, not wholesale.
    expect(out).toContain('"wifiSignalStrength":21');
    expect(out).toContain('"callId":"c-1"');
  });

  it('when headers, tokens and the alerts clientState are logged, then their values are redacted', () => {
    const { logger, text } = capture();
    logger.warn(
      { headers: { Authorization: 'Bearer eyJ0eXAi.secretpart', 'x-request-id': 'req-7' }, access_token: 'tok-123', clientState: 'shared-secret-42', botPassword: 'pw-9' },
      'graph call failed',
    );
    const out = text();
    for (const leaked of ['eyJ0eXAi', 'tok-123', 'shared-secret-42', 'pw-9']) expect(out).not.toContain(leaked);
    expect(out).toContain('req-7');
  });

  it('when a message or an error quotes an address or number, then the pattern scrub removes it', () => {
    const { logger, text } = capture();
    logger.error({ err: new Error('connect ECONNREFUSED 192.168.1.20:443 while calling +1 425 555 0100') }, 'call to fe80::1ff:fe23:4567:890a failed at 10:30:00');
    const out = text();
    expect(out).not.toContain('192.168.1.20');
    expect(out).not.toContain('425 555 0100');
    expect(out).not.toContain('fe80::1ff:fe23:4567:890a');
    // A clock time is not an IPv6 address.
    expect(out).toContain('10:30:00');
    expect(out).toContain('ECONNREFUSED');
  });

  it('when a child logger is bound to personal fields, then the bindings are redacted too', () => {
    const { logger, text } = capture();
    logger.child({ component: 'alerts', ipAddress: '172.16.0.5' }).info({}, 'tick');
    expect(text()).toContain('"component":"alerts"');
    expect(text()).not.toContain('172.16.0.5');
  });

  it('when the level is warn, then info and debug lines are not written', () => {
    const { logger, lines } = capture('warn');
    logger.debug({}, 'd');
    logger.info({}, 'i');
    logger.warn({}, 'w');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['w']);
  });

  it('when a logged object is circular, then logging still succeeds', () => {
    const { logger, lines } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info({ loop }, 'circular');
    expect(JSON.parse(lines[0]!).loop.self).toBe('[circular]');
  });
});

describe('redaction of secrets and personal data the first pass missed', () => {
  it.each([
    ['connectionString', 'DefaultEndpointsProtocol=https;AccountName=cd;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net'],
    ['accountKey', 'c2VjcmV0LWtleQ=='],
    ['sig', 'Zm9yZ2VkLXNpZw%3D'],
    ['privateKey', '-----BEGIN PRIVATE KEY-----MIIEvQIBADAN'],
    ['AZURE_STORAGE_CONNECTION_STRING', 'UseDevelopmentStorage=true;AccountKey=Eby8vdM02xNOcqF'],
    ['text', 'why did my call with Ravi at home drop'],
  ])('when a field named %s is logged, then its value is redacted', (key, value) => {
    const { logger, text } = capture();
    logger.info({ [key]: value, nested: { [key]: value } }, 'x');
    expect(text()).not.toContain(value);
    expect(text()).toContain(REDACTED);
  });

  it.each([
    ['an account key inside a message', 'store failed: DefaultEndpointsProtocol=https;AccountName=cd;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=x', 'c2VjcmV0LWtleQ=='],
    ['a SAS signature in a URL', 'GET https://cd.queue.core.windows.net/alerts?sv=2022-11-02&sig=Zm9yZ2VkLXNpZw%3D&se=2026 failed', 'Zm9yZ2VkLXNpZw'],
    ['an e-mail address', 'no calls for megan.bowen@contoso.onmicrosoft.com today', 'megan.bowen@contoso'],
    ['a phone number in groups without +', 'call to 425 555 0187 failed', '425 555 0187'],
    ['a phone number with brackets and dashes', 'callee (020) 7183-8750 busy', '7183-8750'],
    ['a bare national phone number', 'dialled 4255550187', '4255550187'],
    ['an international number with 00', 'dialled 0044 20 7183 8750', '7183 8750'],
    ['a JWT outside an Authorization header', 'token eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJib3QifQ.c2lnbmF0dXJl rejected', 'eyJhbGciOiJSUzI1NiJ9'],
  ])('when a message quotes %s, then it is scrubbed', (_case, message, secret) => {
    const { logger, text } = capture();
    logger.warn({ err: new Error(message) }, message);
    expect(text()).not.toContain(secret);
  });

  it('when a message has dates, times, durations, GUIDs and counts, then they survive', () => {
    const { logger, text } = capture();
    const message = 'call 8d9f0e2a-1b3c-4d5e-8f70-000000000001 on 2026-11-28T14:30:00Z lasted 3600 s, 25 records, took 1523 ms, version 1.2.3';
    logger.info({}, message);
    expect(JSON.parse(text()).msg).toBe(message);
  });
});
