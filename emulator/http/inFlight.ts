// Counts work that has started and not yet finished (requests being answered, notifications
// being delivered) so tests can wait for the emulator to go quiet instead of sleeping.
export class InFlight {
  private active = 0;
  private waiters: (() => void)[] = [];

  get count(): number {
    return this.active;
  }

  /** Marks one piece of work as started; call the returned function once when it ends (extra calls are ignored). */
  begin(): () => void {
    this.active += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active -= 1;
      if (this.active === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Resolves as soon as nothing is in flight (at once when already idle). */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
