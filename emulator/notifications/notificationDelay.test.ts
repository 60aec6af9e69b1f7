import { describe, expect, it } from 'vitest';
import { notificationDelay } from './subscriptions.js';

describe('notificationDelay', () => {
  it('when one latency is set, then every change waits exactly that long', () => {
    expect(notificationDelay({ notificationLatencyMs: 90_000 }, { id: 'a', version: 1 })).toBe(90_000);
  });

  it('when a range is set, then each record version waits a fixed delay inside it, and the delays spread over it', () => {
    const timing = { notificationLatencyMs: 300_000, notificationLatencyMaxMs: 9_000_000 };
    const delays = Array.from({ length: 200 }, (_, i) => notificationDelay(timing, { id: `record-${i}`, version: 1 }));
    expect(delays.every((d) => d >= 300_000 && d <= 9_000_000)).toBe(true);
    expect(notificationDelay(timing, { id: 'record-7', version: 1 })).toBe(delays[7]);
    expect(Math.min(...delays)).toBeLessThan(1_500_000);
    expect(Math.max(...delays)).toBeGreaterThan(7_800_000);
  });
});
