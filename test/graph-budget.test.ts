// Done-when of issue #5: with the emulator's throttling on (Graph's §8 limits), a storm of
// background work finishes without a 429 (or, when another instance used the window first, none
// after it resets), while a person asking during the storm is served ahead of it. Asserted on
// queue state and request order, not on time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

const HOUR_MS = 60 * 60 * 1000;
// More list requests than Graph allows in one 20-second window (40), so the storm must wait a window.
const STORM = 45;

describe('Graph budget against the throttling emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, throttle: true });
  });
  afterAll(() => emulator.close());

  it('when a storm of background lists exceeds the list limit, then it completes with no 429 and a person asking meanwhile goes first', { timeout: 90_000 }, async () => {
    const graph = graphOverEmulator(emulator);
    const now = emulator.now().getTime();
    const demoUser = emulator.tenant!.demoUserId;
    const aCall = (emulator.tenant!.records as { id: string; sessions: unknown[] }[]).find((r) => r.sessions.length < 60)!.id;

    const storm = Array.from({ length: STORM }, (_, i) => graph.feed.backfill({ from: new Date(now - (i + 2) * HOUR_MS), to: new Date(now - (i + 1) * HOUR_MS) }));
    while (graph.budgetSnapshot().waiting.background === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const [calls, record] = await Promise.all([graph.callRecords.recentCalls(demoUser), graph.callRecords.getCall(aCall)]);
    const backgroundStillWaiting = graph.budgetSnapshot().waiting.background;
    await Promise.all(storm);

    expect(calls.length).toBeGreaterThan(0);
    expect(record.id).toBe(aCall);
    // The person was answered while background requests were still queued for the next window.
    expect(backgroundStillWaiting).toBeGreaterThan(0);
    const lists = (await graphRequests(emulator)).filter((r) => r.path.endsWith('/communications/callRecords'));
    expect(lists).toHaveLength(STORM + 1);
    const personPosition = lists.findIndex((r) => decodeURIComponent(r.url).includes(demoUser));
    expect(personPosition).toBeLessThan(STORM);
    expect(emulator.requests().filter((r) => r.status === 429)).toEqual([]);
  });

  it('when another instance already used most of the list limit, then the storm meets 429s only until the window resets, and none after', { timeout: 120_000 }, async () => {
    emulator.setThrottling(true);
    const now = emulator.now().getTime();
    const hours = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ from: new Date(now - (from + i + 1) * HOUR_MS), to: new Date(now - (from + i) * HOUR_MS) }));
    // Another instance of the app: same Graph limits, its own budget, which it does not hold back.
    const other = graphOverEmulator(emulator, { budget: { limits: { listCallRecords: { limit: 1_000, windowMs: 20_000 } } } });
    await Promise.all(hours(100, 38).map((range) => other.feed.backfill(range)));
    const before = (await graphRequests(emulator)).length;

    const graph = graphOverEmulator(emulator);
    const results = await Promise.all(hours(200, 30).map((range) => graph.feed.backfill(range)));

    expect(results).toHaveLength(30);
    const statuses = (await graphRequests(emulator)).slice(before).map((r) => r.status);
    const firstThrottled = statuses.indexOf(429);
    expect(firstThrottled).toBeGreaterThanOrEqual(0);
    const recovered = statuses.indexOf(200, firstThrottled);
    expect(recovered).toBeGreaterThan(firstThrottled);
    expect(statuses.slice(recovered).filter((s) => s !== 200)).toEqual([]);
  });
});
