// Graph's throttling (§8) over HTTP: each bucket the product can reach is tripped and answers
// 429 with a Retry-After that, once waited, lets requests through again; injected faults answer
// 503/504 or drop the connection.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphGet } from '../emulator/testing/graphFetch.js';

type Json = Record<string, unknown>;

describe('emulator throttling', () => {
  let emulator: EmulatorHandle;
  let token: string;
  let ids: string[];
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 9 });
    token = await emulator.appToken(['CallRecords.Read.All', 'CallRecord-PstnCalls.Read.All']);
    ids = emulator.tenant!.records.filter((r) => Date.parse(String(r.endDateTime)) > emulator.now().getTime() - 29 * 86_400_000).map((r) => String(r.id));
  });
  afterAll(() => emulator.close());
  // Frozen clock: a loaded machine must not let a burst spill into the next window.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: emulator.now() });
  });
  afterEach(() => {
    vi.useRealTimers();
    emulator.setThrottling(true); // resets every window
  });

  const status = async (path: string): Promise<{ status: number; retryAfter: string | null; body: Json }> => {
    const r = await graphGet(emulator, path, { token });
    return { status: r.status, retryAfter: r.headers.get('retry-after'), body: r.body };
  };
  const burst = async (paths: readonly string[], concurrency = 16): Promise<number[]> => {
    const out: number[] = new Array<number>(paths.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < paths.length) {
          const i = next++;
          out[i] = (await status(paths[i]!)).status;
        }
      }),
    );
    return out;
  };
  const expect429 = (r: { status: number; retryAfter: string | null; body: Json }): number => {
    expect(r.status).toBe(429);
    // Graph's documented throttling codes (§8): activityLimitReached, inner throttledRequest.
    expect((r.body.error as Json).code).toBe('activityLimitReached');
    expect(((r.body.error as Json).innerError as Json).code).toBe('throttledRequest');
    expect(((r.body.error as Json).innerError as Json)['request-id']).toEqual(expect.any(String));
    const seconds = Number(r.retryAfter);
    expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
    return seconds;
  };

  it('when the list is called 41 times in 20 s, then the 41st is throttled, and after Retry-After it works again', async () => {
    expect(await burst(Array.from({ length: 40 }, () => '/v1.0/communications/callRecords?$select=id'))).toEqual(new Array(40).fill(200));
    const seconds = expect429(await status('/v1.0/communications/callRecords?$select=id'));
    expect(seconds).toBeLessThanOrEqual(20);
    vi.setSystemTime(Date.now() + seconds * 1000);
    expect((await status('/v1.0/communications/callRecords?$select=id')).status).toBe(200);
  });

  it('when one call record is read 41 times in 20 s, then the 41st is throttled but another record is not', async () => {
    await burst(Array.from({ length: 40 }, () => `/v1.0/communications/callRecords/${ids[0]}`));
    expect429(await status(`/v1.0/communications/callRecords/${ids[0]}/sessions`));
    expect((await status(`/v1.0/communications/callRecords/${ids[1]}`)).status).toBe(200);
  });

  it('when the app makes 1,501 call-record requests in 20 s across records, then the per-app-per-tenant limit throttles it', async () => {
    const paths = ids.slice(0, 40).flatMap((id) => Array.from({ length: 37 }, () => `/beta/communications/callRecords/${id}?$select=id`)).slice(0, 1480);
    const statuses = await burst(paths);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const more = await burst(ids.slice(40, 60).map((id) => `/beta/communications/callRecords/${id}?$select=id`));
    expect(more.filter((s) => s === 200)).toHaveLength(20);
    expect429(await status(`/beta/communications/callRecords/${ids[61]}?$select=id`));
  });

  it('when one report function is called 51 times in 60 s, then the per-collection limit throttles it; another report still answers', async () => {
    const fn = (name: string): string => `/beta/communications/callRecords/${name}(fromDateTime=2026-11-01,toDateTime=2026-11-20)`;
    await burst(Array.from({ length: 50 }, () => fn('getPstnCalls')));
    const seconds = expect429(await status(fn('getPstnCalls')));
    expect(seconds).toBeLessThanOrEqual(60);
    expect((await status(fn('getSmsLog'))).status).toBe(200);
  });

  it('when the app calls the report functions 201 times in 60 s, then the per-app-per-tenant report limit throttles it', async () => {
    const fn = (name: string): string => `/beta/communications/callRecords/${name}(fromDateTime=2026-11-01,toDateTime=2026-11-20)`;
    const names = ['getPstnCalls', 'getDirectRoutingCalls', 'getSmsLog', 'getPstnBlockedUsersLog', 'getPstnOnlineMeetingDialoutReport'];
    const statuses = await burst(names.flatMap((n) => Array.from({ length: 40 }, () => fn(n))));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect429(await status(fn('getPstnCalls')));
  });

  it('when five apps together call the report functions 1,001 times in 60 s, then the per-tenant report limit throttles even a sixth app', async () => {
    const fn = (name: string): string => `/beta/communications/callRecords/${name}(fromDateTime=2026-11-01,toDateTime=2026-11-20)`;
    const names = ['getPstnCalls', 'getDirectRoutingCalls', 'getSmsLog', 'getPstnBlockedUsersLog', 'getPstnOnlineMeetingDialoutReport'];
    for (let app = 0; app < 5; app++) {
      const appToken = await emulator.appToken(['CallRecord-PstnCalls.Read.All'], { clientId: `reports-app-${app}` });
      const statuses = await Promise.all(names.flatMap((n) => Array.from({ length: 40 }, () => graphGet(emulator, fn(n), { token: appToken }).then((r) => r.status))));
      expect(statuses.every((s) => s === 200)).toBe(true);
    }
    const sixth = await graphGet(emulator, fn('getSmsLog'), { token: await emulator.appToken(['CallRecord-PstnCalls.Read.All'], { clientId: 'reports-app-6' }) });
    expect429({ status: sixth.status, retryAfter: sixth.headers.get('retry-after'), body: sixth.body });
  });

  it('when throttling is switched off, then 100 list calls in a row all succeed', async () => {
    emulator.setThrottling(false);
    expect((await burst(Array.from({ length: 100 }, () => '/v1.0/communications/callRecords?$select=id'))).every((s) => s === 200)).toBe(true);
  });
});

describe('emulator per-tenant call-records limit (10,000/20 s, lowered to 30 for the test)', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 9, throttleLimits: { 'callRecords.perTenant': 30 } });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: emulator.now() });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when several apps together exceed the per-tenant limit, then even a fresh app is throttled with Retry-After, and after it the tenant is served again', async () => {
    const ids = emulator.tenant!.records.filter((r) => Date.parse(String(r.endDateTime)) > emulator.now().getTime() - 29 * 86_400_000).map((r) => String(r.id));
    const get = async (clientId: string, id: string): Promise<{ status: number; retryAfter: string | null; body: Json }> => {
      const r = await graphGet(emulator, `/v1.0/communications/callRecords/${id}?$select=id`, { token: await emulator.appToken(['CallRecords.Read.All'], { clientId }) });
      return { status: r.status, retryAfter: r.headers.get('retry-after'), body: r.body };
    };
    // 3 apps x 10 different records: no per-app, per-record or list bucket comes near its limit.
    for (const app of ['tenant-app-1', 'tenant-app-2', 'tenant-app-3']) {
      const statuses = await Promise.all(ids.slice(0, 10).map((id) => get(app, id).then((r) => r.status)));
      expect(statuses).toEqual(new Array(10).fill(200));
    }
    const over = await get('tenant-app-4', ids[20]!);
    expect(over.status).toBe(429);
    expect((over.body.error as Json).message).toMatch(/per tenant/);
    const seconds = Number(over.retryAfter);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(20);
    vi.setSystemTime(Date.now() + seconds * 1000);
    expect((await get('tenant-app-4', ids[20]!)).status).toBe(200);
  });
});

describe('emulator injected faults', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 9, throttle: false });
  });
  afterAll(() => emulator.close());
  afterEach(() => emulator.clearFaults());

  it('when two 503s with Retry-After are injected, then the next two requests get them and the third succeeds', async () => {
    emulator.injectFaults({ status: 503, retryAfterSeconds: 2, count: 2 });
    const first = await graphGet<{ error: { code: string } }>(emulator, '/v1.0/communications/callRecords?$select=id');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.body.error.code).toBe('serviceNotAvailable');
    expect((await graphGet(emulator, '/v1.0/communications/callRecords?$select=id')).status).toBe(503);
    expect((await graphGet(emulator, '/v1.0/communications/callRecords?$select=id')).status).toBe(200);
  });

  it('when a 504 is injected for one path only, then other paths are unaffected', async () => {
    emulator.injectFaults({ status: 504, pathIncludes: '/sessions' });
    const id = String(emulator.tenant!.records[5]!.id);
    expect((await graphGet(emulator, `/v1.0/communications/callRecords/${id}`)).status).toBe(200);
    expect((await graphGet(emulator, `/v1.0/communications/callRecords/${id}/sessions`)).status).toBe(504);
  });

  it('when a dropped connection is injected, then the request fails without an HTTP answer and is logged with status 0', async () => {
    emulator.injectFaults({ drop: true });
    emulator.clearRequests();
    await expect(graphGet(emulator, '/v1.0/communications/callRecords')).rejects.toThrow();
    await emulator.settle();
    expect(emulator.requests().at(-1)).toMatchObject({ path: '/v1.0/communications/callRecords', status: 0 });
  });

  it('when latency is injected, then a client with a shorter timeout gives up while the next request is answered normally', async () => {
    emulator.injectFaults({ latencyMs: 1500 });
    const token = await emulator.appToken(['CallRecords.Read.All']);
    await expect(fetch(`${emulator.baseUrl}/v1.0/communications/callRecords?$select=id`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect((await graphGet(emulator, '/v1.0/communications/callRecords?$select=id', { token })).status).toBe(200);
  });
});
