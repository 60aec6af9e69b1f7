import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
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
