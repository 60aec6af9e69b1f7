// Test support: a clock that moves only when told, with timers on it, for graph/'s budget and the
// emulator, so Graph's 20-second windows pass at once. `drive` moves it on to the next timer
// whenever the work under test is idle (nothing in flight), until the work is done.
export class ManualClock {
  private at: number;
  private seq = 0;
  private readonly timers = new Map<number, { readonly at: number; readonly run: () => void }>();

  constructor(start: Date) {
    this.at = start.getTime();
  }

  readonly now = (): Date => new Date(this.at);

  /** GraphBudget's setTimer: due timers run when the clock is moved; a zero delay runs on the next turn. */
  readonly setTimer = (run: () => void, delayMs: number): (() => void) => {
    if (delayMs <= 0) {
      const immediate = setImmediate(run);
      return () => clearImmediate(immediate);
    }
    const id = this.seq++;
    this.timers.set(id, { at: this.at + delayMs, run });
    return () => this.timers.delete(id);
  };

  /** Moves to the earliest timer and runs every timer then due; false when there is none. */
  advanceToNextTimer(): boolean {
    const next = Math.min(...[...this.timers.values()].map((t) => t.at));
    if (!Number.isFinite(next)) return false;
    this.at = Math.max(this.at, next);
    for (const [id, timer] of [...this.timers]) {
      if (timer.at > this.at) continue;
      this.timers.delete(id);
      timer.run();
    }
    return true;
  }

  /**
   * Resolves with `work`'s result. Every few milliseconds of real time, once `idle()` has held
   * twice in a row (nothing sent, nothing being decided), moves the clock to the next timer.
   */
  async drive<T>(work: Promise<T>, idle: () => boolean): Promise<T> {
    let finished = false;
    const result = work.finally(() => (finished = true));
    let idleChecks = 0;
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      idleChecks = idle() ? idleChecks + 1 : 0;
      if (idleChecks >= 2 && this.advanceToNextTimer()) idleChecks = 0;
    }
    return result;
  }
}
