// Every wait in the alert pipeline goes through these, so tests move time instead of waiting.
import type { Logger } from '../../graph/index.js';

export interface Timers {
  setTimeout(action: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (action, ms) => {
    const timer = setTimeout(action, ms);
    timer.unref?.();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface Loop {
  /** Runs the task now instead of at its next turn (e.g. the webhook just enqueued work). */
  poke(): void;
  /** Stops scheduling and waits for a running turn to end. */
  stop(): Promise<void>;
}

/**
 * Runs `task` again and again: straight away while it reports work done (a positive number), after
 * `delayMs(result)` otherwise. A failing turn is logged and the loop goes on after `errorDelayMs`.
 */
export function startLoop(options: {
  readonly name: string;
  readonly task: () => Promise<number | void>;
  readonly delayMs: (workDone: number) => number;
  readonly errorDelayMs: number;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly startDelayMs?: number;
}): Loop {
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: unknown;
  let again = false;
  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer !== undefined) options.timers.clearTimeout(timer);
    timer = options.timers.setTimeout(() => {
      timer = undefined;
      turn();
    }, ms);
  };
  const turn = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      let next: number;
      try {
        const done = (await options.task()) ?? 0;
        next = done > 0 ? 0 : options.delayMs(done);
      } catch (error) {
        options.logger.error({ err: error, loop: options.name }, 'background loop turn failed');
        next = options.errorDelayMs;
      }
      running = undefined;
      if (again) {
        again = false;
        next = 0;
      }
      schedule(next);
    })();
  };
  schedule(options.startDelayMs ?? 0);
  return {
    poke() {
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) options.timers.clearTimeout(timer);
      await running;
    },
  };
}
