// A clock and timers that only move when the test says so.
import type { Timers } from '../timers.js';

export interface ManualClock {
  readonly now: () => Date;
  readonly timers: Timers;
  /** Moves time on by `ms`, running every timer that falls due (in order), letting each one's promises settle. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>;
  pendingTimers(): number;
}

export function createManualClock(start: Date): ManualClock {
  let at = start.getTime();
  let nextId = 1;
  const due = new Map<number, { readonly when: number; readonly action: () => void }>();
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return {
    now: () => new Date(at),
    timers: {
      setTimeout(action, ms) {
        const id = nextId++;
        due.set(id, { when: at + Math.max(0, ms), action });
        return id;
      },
      clearTimeout(handle) {
        due.delete(handle as number);
      },
    },
    async advance(ms) {
      const until = at + ms;
      await flush();
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.when <= until).sort((a, b) => a[1].when - b[1].when || a[0] - b[0])[0];
        if (next === undefined) break;
        due.delete(next[0]);
        at = Math.max(at, next[1].when);
        next[1].action();
        await flush();
      }
      at = until;
      await flush();
    },
    flush,
    pendingTimers: () => due.size,
  };
}
