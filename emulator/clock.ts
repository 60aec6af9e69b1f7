// The emulator's clock: runs on in real time from its start, and can be moved forward (the admin
// route POST /_emulator/clock) so a test sees renewal, expiry, the 30-day retention and delayed
// notifications without waiting. Timers are set on this clock: moving it fires those now due.

interface ClockTimer {
  readonly due: number;
  readonly action: () => void;
  handle?: NodeJS.Timeout;
}

export class EmulatorClock {
  private readonly startReal: number;
  private offsetMs = 0;
  private readonly timers = new Set<ClockTimer>();
  private closed = false;

  /**
   * `startAt`: the emulator time at start (ms since the epoch). `source`: a test's manual clock to
   * follow instead of the real time (advances still add to it).
   */
  constructor(
    private readonly startAt: number,
    private readonly source?: () => Date,
  ) {
    this.startReal = Date.now();
  }

  /** Now by the emulator: the start time plus the real time since (or the source's time), plus every advance. */
  now(): Date {
    const base = this.source ? this.source().getTime() : this.startAt + (Date.now() - this.startReal);
    return new Date(base + this.offsetMs);
  }

  /** Moves the clock forward; timers now due run before this returns, in the order they are due. */
  advance(ms: number): Date {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError('The clock only moves forward, by a finite number of milliseconds.');
    this.offsetMs += ms;
    const t = this.now().getTime();
    const due = [...this.timers].filter((timer) => timer.due <= t).sort((a, b) => a.due - b.due);
    for (const timer of due) this.fire(timer);
    for (const timer of this.timers) this.arm(timer);
    return this.now();
  }

  /** Runs `action` once the emulator clock has moved `ms` on (in real time, or sooner by advance()). */
  after(ms: number, action: () => void): void {
    if (this.closed) return;
    const timer: ClockTimer = { due: this.now().getTime() + Math.max(0, ms), action };
    this.timers.add(timer);
    this.arm(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer.handle);
    this.timers.clear();
  }

  private arm(timer: ClockTimer): void {
    clearTimeout(timer.handle);
    timer.handle = setTimeout(() => this.fire(timer), Math.max(0, timer.due - this.now().getTime()));
    timer.handle.unref?.();
  }

  private fire(timer: ClockTimer): void {
    if (!this.timers.delete(timer)) return;
    clearTimeout(timer.handle);
    timer.action();
  }
}
