import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';

describe('FaultInjector', () => {
  it('when a counted fault is injected, then exactly that many matching requests get it', () => {
    const faults = new FaultInjector();
    faults.inject({ status: 503, count: 2, pathIncludes: '/sessions' });
    expect(faults.take('/v1.0/communications/callRecords')).toBeUndefined();
    expect(faults.take('/v1.0/communications/callRecords/a/sessions')?.status).toBe(503);
    expect(faults.take('/v1.0/communications/callRecords/b/sessions')?.status).toBe(503);
    expect(faults.take('/v1.0/communications/callRecords/c/sessions')).toBeUndefined();
  });

  it('when a periodic fault is injected, then every Nth request gets it until cleared', () => {
    const faults = new FaultInjector();
    faults.inject({ drop: true, every: 3 });
    const hits = Array.from({ length: 9 }, () => faults.take('/v1.0/x') !== undefined);
    expect(hits).toEqual([false, false, true, false, false, true, false, false, true]);
    faults.clear();
    expect(faults.take('/v1.0/x')).toBeUndefined();
  });
});
