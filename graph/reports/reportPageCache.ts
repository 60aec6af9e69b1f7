// Report pages cached per window for a short lifetime, and one fetch shared by everyone who asks
// for the same window while it runs. A report function takes no user filter, so without this every
// "did my call go through?" downloads the whole tenant's rows again (issue #11 item 8).
//
// Consumers read the shared fetch page by page as it arrives (a late joiner first replays the pages
// already read), so nobody waits for the last page before filtering the first.

export interface ReportCacheOptions {
  /** How long a completed window's pages are reused. Reports lag by minutes, so a minute costs nothing. */
  readonly ttlMs: number;
  /** Windows kept at most; the oldest is dropped first. */
  readonly maxEntries: number;
}

export const DEFAULT_REPORT_CACHE: ReportCacheOptions = { ttlMs: 60_000, maxEntries: 32 };

/** One window's fetch: the pages read so far, and whether more are coming. */
class SharedPages<T> {
  private readonly pages: T[][] = [];
  private finished = false;
  private failure: unknown;
  private wake: (() => void)[] = [];

  constructor(source: AsyncIterable<T[]>, onSettled: (ok: boolean) => void) {
    void (async () => {
      try {
        for await (const page of source) {
          this.pages.push(page);
          this.notify();
        }
        this.finished = true;
        onSettled(true);
      } catch (error) {
        this.failure = error ?? new Error('report fetch failed');
        onSettled(false);
      }
      this.notify();
    })();
  }

  get done(): boolean {
    return this.finished;
  }

  async *read(signal?: AbortSignal): AsyncGenerator<T[]> {
    for (let i = 0; ; i++) {
      while (i >= this.pages.length && !this.finished && this.failure === undefined) await this.next(signal);
      if (i < this.pages.length) {
        yield this.pages[i]!;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      return;
    }
  }

  private next(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.wake.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const w of waiting) w();
  }
}

interface Entry {
  readonly shared: SharedPages<unknown>;
  /** Set when the fetch completed; a running fetch never expires (late joiners share it). */
  expiresAt?: number;
}

export class ReportPageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => Date,
    private readonly options: ReportCacheOptions = DEFAULT_REPORT_CACHE,
  ) {}

  /**
   * The pages of `key`: from the cache, from a fetch already running, or from `fetch()` started
   * now. A fetch that fails is forgotten, so the next asker tries again.
   */
  pages<T>(key: string, fetch: () => AsyncIterable<T[]>, signal?: AbortSignal): AsyncGenerator<T[]> {
    const nowMs = this.now().getTime();
    const cached = this.entries.get(key);
    if (cached && (cached.expiresAt === undefined || cached.expiresAt > nowMs)) return (cached.shared as SharedPages<T>).read(signal);
    if (cached) this.entries.delete(key);
    if (this.options.ttlMs <= 0) return fetchOnce(fetch, signal);
    const entry: Entry = {
      shared: new SharedPages<T>(fetch(), (ok) => {
        if (this.entries.get(key) !== entry) return;
        if (ok) entry.expiresAt = this.now().getTime() + this.options.ttlMs;
        else this.entries.delete(key);
      }) as SharedPages<unknown>,
    };
    this.entries.set(key, entry);
    this.evict();
    return (entry.shared as SharedPages<T>).read(signal);
  }

  /** Windows held (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries) return;
      // A running fetch has askers waiting on it; drop completed windows first.
      if (entry.shared.done) this.entries.delete(key);
    }
  }
}

async function* fetchOnce<T>(fetch: () => AsyncIterable<T[]>, signal?: AbortSignal): AsyncGenerator<T[]> {
  for await (const page of fetch()) {
    signal?.throwIfAborted();
    yield page;
  }
}
