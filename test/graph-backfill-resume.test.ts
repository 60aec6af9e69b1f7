// #11 item 9 against the emulator: a backfill of the whole 30-day window in pages of 20 hands
// each page over before asking for the next, and a process that stops part-way leaves a progress
// from which a new process (new services, empty caches) lists exactly the calls it had not yet
// handed over: together, every call of the window once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackfillProgress } from '../graph/index.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 20;

describe('backfill over the emulator, with a restart', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, throttle: false });
  });
  afterAll(() => emulator.close());

  it('when the process stops after a few pages, then a new one resumes from the stored progress and the two together list every call of the window once', { timeout: 60_000 }, async () => {
    const now = emulator.now().getTime();
    const range = { from: new Date(now - 30 * DAY_MS), to: new Date(now) };
    const everything: string[] = [];
    const whole = await graphOverEmulator(emulator).feed.backfill(range, { pageSize: PAGE, onPage: (page) => void everything.push(...page.calls.map((c) => c.id)) });
    expect(whole.pages).toBeGreaterThan(3);
    expect(whole.calls).toBe(everything.length);

    await clearRequestsSettled(emulator);
    const handed: string[] = [];
    let stored: string | undefined;
    const stop = new Error('instance stopped');
    await expect(
      graphOverEmulator(emulator).feed.backfill(range, {
        pageSize: PAGE,
        onPage: (page) => {
          if (page.progress.pages === 3) throw stop;
          handed.push(...page.calls.map((c) => c.id));
          stored = JSON.stringify(page.progress);
        },
      }),
    ).rejects.toBe(stop);
    // The stopped one never asked for a page beyond the one it was handling.
    expect(await graphRequests(emulator, '/communications/callRecords')).toHaveLength(3);

    const resumed = graphOverEmulator(emulator);
    const final = await resumed.feed.backfill(range, { pageSize: PAGE, resumeFrom: JSON.parse(stored!) as BackfillProgress, onPage: (page) => void handed.push(...page.calls.map((c) => c.id)) });

    expect(handed).toEqual(everything);
    expect(final).toMatchObject({ done: true, nextLink: null, pages: whole.pages, calls: whole.calls });
  });
});
