// Runs a background job once a day, on an injected clock and timers so tests move time instead of
// waiting. A run that is still going when the next is due is not started twice; a failing run is
// logged and the schedule goes on.
import type { Logger } from '../../graph/index.js';
import type { Timers } from '../alerts/timers.js';

// The alert pipeline's timers (unref'd, so a background schedule never keeps the process alive).
export { realTimers, type Timers } from '../alerts/timers.js';

export interface DailyScheduleOptions {
  readonly name: string;
  readonly now: () => Date;
  readonly timers: Timers;
  readonly logger: Logger;
  /** UTC 'HH:MM' each day; absent: every 24 hours from start. */
  readonly atUtc?: string;
  /** Also run right away on start (the group install does; the digest waits for its hour). */
  readonly runOnStart: boolean;
  run(): Promise<void>;
}

export interface DailySchedule {
  /** When the next run is due. */
  readonly nextRunAt: Date | null;
  /** Resolves when the run in progress, if any, has finished (tests and shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// setTimeout's longest delay; a day fits, but a clock far off must not overflow it.
const MAX_DELAY_MS = 2_147_483_647;

/** The next instant after `now` at which the UTC clock shows `atUtc`. */
export function nextDailyAt(now: Date, atUtc: string): Date {
  const [hours, minutes] = atUtc.split(':').map(Number);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours ?? 0, minutes ?? 0);
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

export function scheduleDaily(options: DailyScheduleOptions): DailySchedule {
  let handle: unknown;
  let running: Promise<void> | null = null;
  let stopped = false;
  let nextRunAt: Date | null = null;

  const runOnce = (): void => {
    if (running) {
      options.logger.warn({ job: options.name }, 'previous run still going; this one is skipped');
      return;
    }
    running = options
      .run()
      .catch((error: unknown) => options.logger.error({ job: options.name, error: error instanceof Error ? error.name : 'unknown' }, 'background job failed'))
      .finally(() => {
        running = null;
      });
  };

  const planNext = (): void => {
    if (stopped) return;
    const now = options.now();
    nextRunAt = options.atUtc ? nextDailyAt(now, options.atUtc) : new Date(now.getTime() + DAY_MS);
    handle = options.timers.setTimeout(() => {
      runOnce();
      planNext();
    }, Math.min(MAX_DELAY_MS, Math.max(0, nextRunAt.getTime() - now.getTime())));
  };

  if (options.runOnStart) runOnce();
  planNext();
  return {
    get nextRunAt() {
      return nextRunAt;
    },
    idle: async () => {
      while (running) await running;
    },
    stop: () => {
      stopped = true;
      options.timers.clearTimeout(handle);
    },
  };
}
