// The request log tests use to count Graph calls: a request is listed when it arrives and
// settle() says when every answer is out, so no test has to sleep or poll to count.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphGet } from '../emulator/testing/graphFetch.js';

describe('emulator request log', () => {
  let emulator: EmulatorHandle;
  let token: string;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 4, throttle: false });
    token = await emulator.appToken(['CallRecords.Read.All']);
  });
  afterAll(() => emulator.close());
  afterEach(async () => {
    emulator.clearFaults();
    await emulator.settle();
    emulator.clearRequests();
  });

  it('when a request is still being answered, then requests() lists it without a status and settle() resolves only after its answer', async () => {
    emulator.injectFaults({ latencyMs: 1500 });
    let answered = false;
    const response = graphGet(emulator, '/v1.0/communications/callRecords?$select=id', { token }).then((r) => {
      answered = true;
      return r;
    });
    // Waiting for arrival is the one wait a client cannot avoid: the request has to reach the server.
    await vi.waitFor(() => expect(emulator.requests()).toHaveLength(1), { timeout: 5000, interval: 5 });
    expect(emulator.requests()[0]).toMatchObject({ method: 'GET', path: '/v1.0/communications/callRecords', status: undefined });
    expect(answered).toBe(false);
    await emulator.settle();
    expect(emulator.requests()[0]!.status).toBe(200);
    expect((await response).status).toBe(200);
  });

  it('when concurrent requests have been answered, then after settle() every one is listed with its status, with no waiting in between', async () => {
    const id = String(emulator.tenant!.records.at(-1)!.id);
    const statuses = await Promise.all([
      ...Array.from({ length: 8 }, () => graphGet(emulator, `/v1.0/communications/callRecords/${id}`, { token }).then((r) => r.status)),
      graphGet(emulator, '/v1.0/communications/callRecords/no-such-record', { token }).then((r) => r.status),
    ]);
    await emulator.settle();
    const logged = emulator.requests();
    expect(logged).toHaveLength(9);
    expect(logged.map((r) => r.status).sort()).toEqual([...statuses].sort());
    expect(logged.filter((r) => r.status === 404).map((r) => r.path)).toEqual(['/v1.0/communications/callRecords/no-such-record']);
  });

  it('when a client has read its answer, then the request is already listed with that status', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await graphGet(emulator, '/v1.0/communications/callRecords?$select=id', { token });
      expect(emulator.requests().map((r) => r.status)).toEqual(new Array(i + 1).fill(response.status));
    }
  });
});
