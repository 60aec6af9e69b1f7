import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../graph/testing/index.js';
import { nextDailyAt, scheduleDaily } from './dailySchedule.js';
import { ManualClock } from './testing/manualClock.js';

const HOUR = 3_600_000;

describe('daily schedule', () => {
  it('when the job runs on start, then it runs again every 24 hours and not in between', async () => {
    const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
    const runs: string[] = [];
    const schedule = scheduleDaily({ name: 'install', now: clock.now, timers: clock, logger: recordingLogger(), runOnStart: true, run: async () => void runs.push(clock.now().toISOString()) });
    await schedule.idle();
    expect(runs).toEqual(['2026-12-01T10:00:00.000Z']);
    clock.advance(23 * HOUR);
    expect(runs).toHaveLength(1);
    clock.advance(HOUR);
    await schedule.idle();
    clock.advance(24 * HOUR);
    await schedule.idle();
    expect(runs).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z', '2026-12-03T10:00:00.000Z']);
    schedule.stop();
    clock.advance(48 * HOUR);
    expect(runs).toHaveLength(3);
    expect(clock.timerCount).toBe(0);
  });

  it('when a time of day is given, then the first run waits for it and later runs keep to it', async () => {
    const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
    const runs: string[] = [];
    const schedule = scheduleDaily({ name: 'digest', now: clock.now, timers: clock, logger: recordingLogger(), atUtc: '08:00', runOnStart: false, run: async () => void runs.push(clock.now().toISOString()) });
    expect(schedule.nextRunAt?.toISOString()).toBe('2026-12-02T08:00:00.000Z');
    clock.advance(22 * HOUR);
    expect(runs).toEqual(['2026-12-02T08:00:00.000Z']);
    await schedule.idle();
    clock.advance(24 * HOUR);
    expect(runs).toEqual(['2026-12-02T08:00:00.000Z', '2026-12-03T08:00:00.000Z']);
    schedule.stop();
  });

  it('when a run fails, then it is logged by name only and the next day runs again', async () => {
    const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
    const logger = recordingLogger();
    let calls = 0;
    const schedule = scheduleDaily({
      name: 'install',
      now: clock.now,
      timers: clock,
      logger,
      runOnStart: true,
      run: async () => {
        calls++;
        if (calls === 1) throw new TypeError('secret detail');
      },
    });
    await schedule.idle();
    expect(logger.entries.some((e) => e.level === 'error' && JSON.stringify(e).includes('TypeError') && !JSON.stringify(e).includes('secret detail'))).toBe(true);
    clock.advance(24 * HOUR);
    await schedule.idle();
    expect(calls).toBe(2);
    schedule.stop();
  });

  it('when a run is still going as the next falls due, then it is not started twice', async () => {
    const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
    let release!: () => void;
    let started = 0;
    const schedule = scheduleDaily({
      name: 'slow',
      now: clock.now,
      timers: clock,
      logger: recordingLogger(),
      runOnStart: true,
      run: () => {
        started++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    clock.advance(24 * HOUR);
    expect(started).toBe(1);
    release();
    await schedule.idle();
    schedule.stop();
  });

  it('next occurrence: later today, or tomorrow once passed', () => {
    expect(nextDailyAt(new Date('2026-12-01T07:59:00Z'), '08:00').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(nextDailyAt(new Date('2026-12-01T08:00:00Z'), '08:00').toISOString()).toBe('2026-12-02T08:00:00.000Z');
  });
});
