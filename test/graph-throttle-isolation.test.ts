// A 429 is about one bucket: a hot call record tripped to 429 by Graph must not hold back a
// person asking about another record (the app-wide bucket only pauses on 503, or when 429s keep
// coming for several records). Against the emulator with Graph's §8 limits on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphThrottledError } from '../graph/index.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

describe('a throttled record against the throttling emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, strict: true, throttle: true });
  });
  afterAll(() => emulator.close());

  it('when a hot record is tripped to 429, then an interactive getCall of another record is still served, and the hot one is held back', { timeout: 30_000 }, async () => {
    const small = (emulator.tenant!.records as { id: string; sessions: unknown[]; participants_v2: unknown[] }[]).filter((r) => r.sessions.length < 60 && r.participants_v2.length < 130);
    const [hot, other] = [small[0]!.id, small[1]!.id];
    // This instance's own per-record budget is raised so it can trip Graph's per-record limit (40 / 20 s), as a second instance would.
    const graph = graphOverEmulator(emulator, {
      budget: { limits: { callRecord: { limit: 1_000, windowMs: 20_000 } } },
      tuning: { maxInteractiveRetryWaitSeconds: 1, maxInteractiveBudgetWaitMs: 2_000 },
    });
    await clearRequestsSettled(emulator);

    let tripped: unknown;
    for (let i = 0; i < 60 && tripped === undefined; i++) {
      // minVersion past any real version: every call goes to Graph instead of the cache.
      tripped = await graph.callRecords.getCall(hot, { minVersion: Number.MAX_SAFE_INTEGER }).then(() => undefined, (error: unknown) => error);
    }
    expect(tripped).toBeInstanceOf(GraphThrottledError);
    expect((await graphRequests(emulator, hot)).at(-1)?.status).toBe(429);

    const record = await graph.callRecords.getCall(other);
    expect(record.id).toBe(other);
    // The record and its participants (/participants_v2, the documented form).
    expect((await graphRequests(emulator, other)).map((r) => r.status)).toEqual([200, 200]);

    // The hot record's own bucket stays paused: Graph is not asked about it again until Retry-After.
    const hotRequests = (await graphRequests(emulator, hot)).length;
    await expect(graph.callRecords.getCall(hot, { minVersion: Number.MAX_SAFE_INTEGER })).rejects.toBeInstanceOf(GraphThrottledError);
    expect(await graphRequests(emulator, hot)).toHaveLength(hotRequests);
  });
});
