// A clock and timers tests move by hand: advance() moves "now" and fires every timer that fell due, in order.
import type { Timers } from '../dailySchedule.js';

interface Pending {
  readonly at: number;
  readonly callback: () => void;
  readonly id: number;
}

export class ManualClock implements Timers {
  private current: number;
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  readonly now = (): Date => new Date(this.current);

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ at: this.current + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  /** Moves time forward, firing due timers one by one (a timer set by a callback fires too if due). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.pending.filter((p) => p.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = target;
  }

  get timerCount(): number {
    return this.pending.length;
  }
}
