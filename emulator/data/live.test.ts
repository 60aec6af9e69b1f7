import { describe, expect, it } from 'vitest';
import { generateTenant } from './generate.js';
import { liveCalls } from './live.js';

describe('liveCalls (--live)', () => {
  const tenant = generateTenant({ seed: 42, now: new Date('2026-11-29T16:00:00Z') });

  it('when ticked repeatedly, then it yields calls that ended before now, revising the previous one now and then, the same for the same seed', () => {
    const run = (): { id: unknown; version: unknown; revise: boolean; end: unknown }[] => {
      const source = liveCalls(42, tenant.tenantId, tenant.users, tenant.demoUserId);
      return Array.from({ length: 20 }, (_, i) => {
        const now = new Date(Date.parse('2026-11-29T16:00:00Z') + i * 60_000);
        const { record, revise } = source.next(now);
        expect(Date.parse(String(record.endDateTime))).toBeLessThan(now.getTime());
        return { id: record.id, version: record.version, revise, end: record.endDateTime };
      });
    };
    const ticks = run();
    expect(ticks.filter((t) => !t.revise).length).toBeGreaterThan(10);
    const revision = ticks.find((t) => t.revise)!;
    expect(revision).toBeDefined();
    const previous = ticks[ticks.indexOf(revision) - 1]!;
    expect(revision.id).toBe(previous.id);
    expect(revision.version).toBe(Number(previous.version) + 1);
    expect(run()).toEqual(ticks);
  });
});
