// Done-when of issue #5: with the emulator's throttling on (Graph's §8 limits), a storm of
// background work finishes without a 429 (or, when another instance used the window first, with
// at most one per pause once it has had to wait), while a person asking during the storm is
// served ahead of it. Asserted on queue state and request order, not on time.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

const HOUR_MS = 60 * 60 * 1000;
// More list requests than Graph allows in one 20-second window (40), so the storm must wait a window.
const STORM = 45;
const LIST_PATH = '/communications/callRecords';

interface ListSend {
  /** The SDK's RetryHandler sent it again after a 429/503 (Retry-Attempt header). */
  readonly retry: boolean;
  status?: number;
}

/**
 * The list requests of the graph instance created in `create`, in the order it sent them, with
 * the status each got. Recorded at the client because the emulator logs a request when it
 * arrives, but counts it against its window only after checking the token, so under load its
 * log order is not the order it throttled in.
 */
function recordListSends<T>(create: () => T): { instance: T; sends: ListSend[]; firstThrottled: Promise<void> } {
  const sends: ListSend[] = [];
  const realFetch = globalThis.fetch;
  let throttled: () => void = () => undefined;
  const firstThrottled = new Promise<void>((resolve) => (throttled = resolve));
  vi.stubGlobal('fetch', async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!new URL(request.url).pathname.endsWith(LIST_PATH)) return realFetch(input, init);
    const send: ListSend = { retry: request.headers.has('Retry-Attempt') };
    sends.push(send);
    const response = await realFetch(input, init);
    send.status = response.status;
    if (response.status === 429) throttled();
    return response;
  });
  try {
    // graph/ takes the global fetch when it is created, so only this instance is recorded.
    return { instance: create(), sends, firstThrottled };
  } finally {
    vi.unstubAllGlobals();
  }
}

/** Requests sent after a pause began: each pause may cost one probe's 429, never a burst. */
function expectNoBurst(afterPause: readonly ListSend[]): void {
  const statuses = afterPause.map((send) => send.status);
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status === 429).length).toBeLessThanOrEqual(3);
  const opened = statuses.indexOf(200);
  expect(opened).toBeGreaterThanOrEqual(0);
  const backToBack = statuses.slice(opened).filter((status, i, rest) => status === 429 && rest[i + 1] === 429);
  expect(backToBack).toEqual([]);
  expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
}

describe('Graph budget against the throttling emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, strict: true, throttle: true });
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

  it('when another instance already used most of the list limit, then the storm completes and its retries after Retry-After meet no burst of 429s', { timeout: 120_000 }, async () => {
    emulator.setThrottling(true);
    const now = emulator.now().getTime();
    const hours = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ from: new Date(now - (from + i + 1) * HOUR_MS), to: new Date(now - (from + i) * HOUR_MS) }));
    // Another instance of the app: same Graph limits, its own budget, which it does not hold back.
    const other = graphOverEmulator(emulator, { budget: { limits: { listCallRecords: { limit: 1_000, windowMs: 20_000 } } } });
    await Promise.all(hours(100, 38).map((range) => other.feed.backfill(range)));
    // What a loaded machine does at random: our first request arrives first but is counted last.
    emulator.injectFaults({ latencyMs: 500, count: 1, pathIncludes: LIST_PATH });

    const { instance: graph, sends } = recordListSends(() => graphOverEmulator(emulator));
    const results = await Promise.all(hours(200, 30).map((range) => graph.feed.backfill(range)));

    expect(results).toHaveLength(30);
    const firstWave = sends.filter((send) => !send.retry);
    expect(firstWave).toHaveLength(30);
    expect(firstWave.filter((send) => send.status === 429).length).toBeGreaterThan(0);
    expectNoBurst(sends.filter((send) => send.retry));
  });

  it('when Retry-After passes while another instance keeps the list window full, then the queue waits behind one probe per pause instead of meeting a burst of 429s', { timeout: 120_000 }, async () => {
    emulator.setThrottling(true);
    const now = emulator.now().getTime();
    const hours = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ from: new Date(now - (from + i + 1) * HOUR_MS), to: new Date(now - (from + i) * HOUR_MS) }));
    const other = graphOverEmulator(emulator, { budget: { limits: { listCallRecords: { limit: 1_000, windowMs: 20_000 } } } });
    await Promise.all(hours(300, 40).map((range) => other.feed.backfill(range)));
    // Graph's Retry-After says when room may free up, not that this instance will get it.
    emulator.injectFaults({ status: 429, retryAfterSeconds: 1, count: 1, pathIncludes: LIST_PATH });

    const { instance: graph, sends, firstThrottled } = recordListSends(() => graphOverEmulator(emulator));
    const first = graph.feed.backfill(hours(400, 1)[0]!);
    await firstThrottled;
    // The fetch saw the 429; queue the rest once the budget has recorded the pause (not after a
    // guessed delay, which a loaded machine can outlast).
    while (graph.budgetSnapshot().pauses === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const queued = hours(401, 29).map((range) => graph.feed.backfill(range));
    const results = await Promise.all([first, ...queued]);

    expect(results).toHaveLength(30);
    expect(sends[0]!.status).toBe(429);
    expectNoBurst(sends.slice(1));
  });
});
