// Body faults: the headers go out and then the body stalls or the connection drops, the two
// ways a real answer can break after the client has seen a status (issue #11, item 5).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

describe('emulator body faults', () => {
  let emulator: EmulatorHandle;
  let token: string;
  let path: string;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 4, throttle: false });
    token = await emulator.appToken(['CallRecords.Read.All']);
    path = `/v1.0/communications/callRecords/${String(emulator.tenant!.records.at(-1)!.id)}`;
  });
  afterAll(() => emulator.close());
  afterEach(async () => {
    emulator.clearFaults();
    await emulator.settle();
    emulator.clearRequests();
  });

  it('when a 429 is injected, then it carries Retry-After and Graph\'s throttling codes', async () => {
    emulator.injectFaults({ status: 429, retryAfterSeconds: 3, pathIncludes: path });
    const response = await fetch(`${emulator.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ code: 'activityLimitReached', innerError: { code: 'throttledRequest' } });
  });

  it('when a body stall is injected, then the status and headers arrive but the body never completes', async () => {
    emulator.injectFaults({ body: 'stall', pathIncludes: path });
    const reader = new AbortController();
    const response = await fetch(`${emulator.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: reader.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');

    const body = response.text();
    setTimeout(() => reader.abort(new Error('gave up reading')), 300);
    await expect(body).rejects.toThrow();
    await emulator.settle();
    expect(emulator.requests().map((r) => r.status)).toEqual([0]);
  });

  it('when a body drop is injected, then the status arrives and the body breaks off with a dropped connection', async () => {
    emulator.injectFaults({ body: 'drop', pathIncludes: path });
    const response = await fetch(`${emulator.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);

    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    const next = await fetch(`${emulator.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await next.json()) as { id: string }).toMatchObject({ id: expect.any(String) });
  });
});
