// #11 item 3: two instances of the app (two GraphServices, each with its own budget, cache and
// index) against one throttling emulator. Sharing one Azure Tables ledger (Azurite), they stay
// under Graph's list limit (40 per 20 s) and the per-app-per-tenant limit (lowered to 60 on both
// sides so a few requests reach it) with no 429, although together they send more than one
// window allows; with budgets of their own the same work meets 429s. Clocks are a manual clock
// the budgets, the ledger and the emulator share: windows pass when both instances are idle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureBudgetLedger } from '../server/store/azure/budgetLedger.js';
import { AzureTables } from '../server/store/azure/tables.js';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { startEmulator, type EmulatorHandle, type RequestLogEntry } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator } from './support/graphOverEmulator.js';
import { ManualClock } from './support/manualClock.js';

const HOUR_MS = 60 * 60 * 1000;
const WINDOW_MS = 20_000;
const LIST_LIMIT = 40;
const APP_TENANT_LIMIT = 60;
const COLLECTION = '/v1.0/communications/callRecords';

/** The most requests the log shows in any 20-second window (sliding, so stricter than Graph's fixed windows). */
function peakPerWindow(entries: readonly RequestLogEntry[]): number {
  const times = entries.map((e) => e.at.getTime()).sort((a, b) => a - b);
  let peak = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= WINDOW_MS) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

describe('two instances, one Graph budget', () => {
  const clock = new ManualClock(new Date());
  let emulator: EmulatorHandle;
  let azurite: RunningAzurite;
  let tablePrefix = 0;
  beforeAll(async () => {
    [emulator, azurite] = await Promise.all([startEmulator({ seed: 42, throttle: true, clock: clock.now, throttleLimits: { 'callRecords.perAppPerTenant': APP_TENANT_LIMIT } }), startAzurite()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([emulator?.close(), azurite?.stop()]);
  });

  /** Two instances; `shared` gives them one ledger in one table, as two servers with STORE=azure. */
  function twoInstances(shared: boolean) {
    const table = `b${++tablePrefix}x`;
    return [0, 1].map(() =>
      graphOverEmulator(emulator, {
        now: clock.now,
        budget: { limits: { callRecords: { limit: APP_TENANT_LIMIT, windowMs: WINDOW_MS } }, setTimer: clock.setTimer },
        // No retries: a 429 is counted, not waited out.
        tuning: { maxRetries: 0, maxInteractiveBudgetWaitMs: 10 * 60_000 },
        ...(shared && { ledger: new AzureBudgetLedger(new AzureTables(azurite.connectionString, table)) }),
      }),
    );
  }

  /** Per instance: 30 background backfills of an hour each (one list page each) and 20 people opening a call. */
  async function fireMoreThanOneWindow(instances: ReturnType<typeof twoInstances>) {
    await clearRequestsSettled(emulator);
    const now = clock.now().getTime();
    const calls = (emulator.tenant!.records as { id: string; sessions: unknown[] }[]).filter((r) => r.sessions.length < 20).map((r) => r.id);
    const work = instances.flatMap((graph, n) => [
      ...Array.from({ length: 30 }, (_, i) => graph.feed.backfill({ from: new Date(now - (n * 30 + i + 1) * HOUR_MS), to: new Date(now - (n * 30 + i) * HOUR_MS) })),
      ...calls.slice(n * 20, n * 20 + 20).map((id) => graph.callRecords.getCall(id)),
    ]);
    const idle = () => instances.every((graph) => graph.budgetSnapshot().inFlight === 0 && graph.budgetSnapshot().reserving === 0);
    const settled = await clock.drive(Promise.allSettled(work), idle);
    await emulator.settle();
    const log = emulator.requests().filter((r) => r.path.startsWith(COLLECTION));
    return { settled, log, lists: log.filter((r) => r.path === COLLECTION) };
  }

  it('when two instances share the ledger and together send more than one window allows, then no request meets a 429 and no 20 s window holds more than a limit', { timeout: 90_000 }, async () => {
    const { settled, log, lists } = await fireMoreThanOneWindow(twoInstances(true));

    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    expect(lists.length).toBeGreaterThan(LIST_LIMIT);
    expect(log.length).toBeGreaterThan(APP_TENANT_LIMIT);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    expect(peakPerWindow(lists)).toBeLessThanOrEqual(LIST_LIMIT);
    expect(peakPerWindow(log)).toBeLessThanOrEqual(APP_TENANT_LIMIT);
  });

  it('when the same two instances each keep a budget of their own, then together they overrun the window and meet 429s', { timeout: 90_000 }, async () => {
    emulator.setThrottling(true);
    const { log } = await fireMoreThanOneWindow(twoInstances(false));

    expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  });
});
