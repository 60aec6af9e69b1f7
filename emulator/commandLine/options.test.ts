import { describe, expect, it } from 'vitest';
import { parseCliOptions, UsageError } from './options.js';

describe('parseCliOptions', () => {
  it('when no options are given, then the documented defaults apply', () => {
    expect(parseCliOptions([])).toMatchObject({ port: 4443, seed: 42, throttle: true, strict: false, tlsDir: 'data/emulator/tls', recordsDir: undefined, liveSeconds: undefined, faults: [] });
  });

  it('when every option is given, then each is read', () => {
    const parsed = parseCliOptions(['--port', '0', '--seed', '7', '--live', '30', '--no-throttle', '--strict', '--tenant', '8E1D6D3C-3F0A-4C55-9A9E-CA11D0C70009', '--app', 'id:se:cret', '--now', '2026-11-29T15:00:00Z', '--fail-every', '10:504', '--latency', '50']);
    expect(parsed).toMatchObject({ port: 0, seed: 7, liveSeconds: 30, throttle: false, strict: true, tenantId: '8e1d6d3c-3f0a-4c55-9a9e-ca11d0c70009', app: { clientId: 'id', clientSecret: 'se:cret' } });
    expect(parsed.now?.toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(parsed.faults).toEqual([{ latencyMs: 50, every: 1 }, { status: 504, retryAfterSeconds: undefined, every: 10 }]);
  });

  it('when --notification-delay is given, then one value or a range in seconds becomes milliseconds', () => {
    expect(parseCliOptions([]).notificationDelay).toBeUndefined();
    expect(parseCliOptions(['--notification-delay', '90']).notificationDelay).toEqual({ minMs: 90_000, maxMs: 90_000 });
    expect(parseCliOptions(['--notification-delay', '300-9000']).notificationDelay).toEqual({ minMs: 300_000, maxMs: 9_000_000 });
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--seed', '-1'], '--seed'],
    [['--tenant', 'contoso'], '--tenant'],
    [['--app', 'no-secret'], '--app'],
    [['--now', 'yesterday'], '--now'],
    [['--fail-every', '5:418'], '--fail-every'],
    [['--notification-delay', '9001'], '150 minutes'],
    [['--notification-delay', '600-60'], '--notification-delay'],
    [['--bogus'], 'bogus'],
  ])('when given %o, then the usage error names %s', (argv, name) => {
    expect(() => parseCliOptions(argv)).toThrow(UsageError);
    expect(() => parseCliOptions(argv)).toThrow(name);
  });
});
