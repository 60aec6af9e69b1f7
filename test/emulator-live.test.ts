// Demo mode's live calls (--live) judged by the product's own diagnosis: the first one must be
// the demo user's poor call, so the alert reaches the Playground within a minute of start.
import { describe, expect, it } from 'vitest';
import { diagnoseCall, parseCallRecord } from '../diagnosis/index.js';
import { generateTenant } from '../emulator/data/generate.js';
import { liveCalls } from '../emulator/data/live.js';

describe('emulator --live in demo mode', () => {
  const tenant = generateTenant({ seed: 42, now: new Date('2026-11-29T16:00:00Z') });

  it("when demo mode starts, then the first live call is the demo user's own poor call, so an alert follows within a tick", () => {
    const { record, revise } = liveCalls(42, tenant.tenantId, tenant.users, tenant.demoUserId).next(new Date('2026-11-29T16:00:00Z'));
    expect(revise).toBe(false);
    const people = (record.participants_v2 as { identity: { user?: { id: string } } }[]).map((p) => p.identity.user?.id);
    expect(people).toContain(tenant.demoUserId);
    const parsed = parseCallRecord(record);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(diagnoseCall(parsed.record, tenant.demoUserId).verdict).toBe('poor');
  });
});
