// Record fetches for a list or a search run a few at a time instead of one after another: a cold
// "poor calls this week" needs up to 30 full records, and each waits on Graph. Results are still
// consumed in order (newest first), so a search that stops at its first match answers the same
// call; at most `ahead` fetches are in flight, and graph/'s budget queues them if Graph is busy.

/** How many record fetches one question keeps in flight. */
export const RECORD_FETCHES_IN_FLIGHT = 5;

/** Yields [item, loaded] in the order of `items`, loading up to `ahead` items before they are needed. */
export async function* loadAhead<T, R>(items: readonly T[], load: (item: T) => Promise<R>, ahead = RECORD_FETCHES_IN_FLIGHT): AsyncGenerator<readonly [T, R]> {
  const inFlight: Promise<R>[] = [];
  let started = 0;
  try {
    for (const item of items) {
      while (inFlight.length < ahead && started < items.length) {
        const loading = load(items[started++]!);
        // Awaited below in order; this only keeps a failure of one left behind (after an early stop) from being unhandled.
        loading.catch(() => undefined);
        inFlight.push(loading);
      }
      yield [item, await inFlight.shift()!] as const;
    }
  } finally {
    inFlight.length = 0;
  }
}
