// Done-when of issue #5: 503s, timeouts and dropped connections are retried (against the
// emulator's injected faults), and what cannot be retried away surfaces as a typed error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphPermissionError, GraphUnavailableError } from '../graph/index.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

// Short waits so retries happen within the test; the logic is the production one.
const quick = { retryDelaySeconds: 0.05, connectionRetryDelayMs: 20 };

describe('Graph retries against the emulator', () => {
  let emulator: EmulatorHandle;
  let callId: string;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, strict: true, throttle: false });
    callId = (emulator.tenant!.records[0] as { id: string }).id;
  });
  afterEach(async () => {
    emulator.clearFaults();
    await clearRequestsSettled(emulator);
  });
  afterAll(() => emulator.close());
  // The record's own GETs; getCall also reads /participants_v2 (the documented form), which no fault here targets.
  const recordGets = async () => (await graphRequests(emulator, callId)).filter((r) => !r.path.endsWith('/participants_v2'));

  it('when Graph answers 503 with Retry-After twice, then the third attempt brings the record', async () => {
    emulator.injectFaults({ status: 503, retryAfterSeconds: 1, count: 2, pathIncludes: `${callId}?` });
    const graph = graphOverEmulator(emulator, { tuning: quick });

    const record = await graph.callRecords.getCall(callId);
    expect(record.id).toBe(callId);
    expect((await recordGets()).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('when the connection drops twice, then the request is sent again and succeeds', async () => {
    emulator.injectFaults({ drop: true, count: 2, pathIncludes: `${callId}?` });
    const graph = graphOverEmulator(emulator, { tuning: quick });

    expect((await graph.callRecords.getCall(callId)).id).toBe(callId);
    expect((await recordGets()).map((r) => r.status)).toEqual([0, 0, 200]);
  });

  it('when Graph is slower than the timeout once, then the attempt is abandoned and the retry succeeds', async () => {
    emulator.injectFaults({ latencyMs: 1_500, count: 1, pathIncludes: callId });
    const graph = graphOverEmulator(emulator, { tuning: { ...quick, timeoutMs: 400 } });

    expect((await graph.callRecords.getCall(callId)).id).toBe(callId);
    expect(graph.logger.entries.filter((e) => e.message.includes('without a response')).map((e) => e.fields.error)).toEqual(['RequestTimeoutError']);
  });

  it('when the body stalls after the headers once, then the attempt times out and the retry brings the record', async () => {
    emulator.injectFaults({ body: 'stall', count: 1, pathIncludes: callId });
    const graph = graphOverEmulator(emulator, { tuning: { ...quick, timeoutMs: 400 } });

    expect((await graph.callRecords.getCall(callId)).id).toBe(callId);
    expect(graph.logger.entries.filter((e) => e.message.includes('without a response')).map((e) => e.fields.error)).toEqual(['RequestTimeoutError']);
  });

  it('when the connection drops mid-body once, then the GET is sent again and succeeds', async () => {
    emulator.injectFaults({ body: 'drop', count: 1, pathIncludes: `${callId}?` });
    const graph = graphOverEmulator(emulator, { tuning: quick });

    expect((await graph.callRecords.getCall(callId)).id).toBe(callId);
    expect((await recordGets()).map((r) => r.status)).toEqual([0, 200]);
  });

  it('when Graph stays unavailable, then a GraphUnavailableError carries the status and Graph\'s request-id', async () => {
    emulator.injectFaults({ status: 503, retryAfterSeconds: 1, count: Number.POSITIVE_INFINITY, pathIncludes: callId });
    const graph = graphOverEmulator(emulator, { tuning: { ...quick, maxRetries: 1 } });

    const error = await graph.callRecords.getCall(callId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphUnavailableError);
    expect(error).toMatchObject({ status: 503 });
    expect((error as GraphUnavailableError).requestId).toMatch(/\S/);
    expect(await graphRequests(emulator, callId)).toHaveLength(2);
  });

  it('when the app lacks CallRecords.Read.All, then a GraphPermissionError says which permission is missing', async () => {
    emulator.registerApp({ clientId: '5e1f0000-0000-4000-8000-00000000a991', clientSecret: 'no-roles-secret', roles: [] });
    const graph = graphOverEmulator({ ...emulator, clientId: '5e1f0000-0000-4000-8000-00000000a991', clientSecret: 'no-roles-secret' });

    const error = await graph.callRecords.getCall(callId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphPermissionError);
    expect((error as Error).message).toContain('CallRecords.Read.All');
  });
});
