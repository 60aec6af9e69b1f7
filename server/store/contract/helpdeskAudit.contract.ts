// One behavioural suite for every HelpdeskAuditLog (tab/api/ports.ts): SQLite and Azure Tables.
import { describe, expect, it } from 'vitest';
import type { HelpdeskAuditLog } from '../../../tab/api/ports.js';

export function describeHelpdeskAuditContract(name: string, create: (now: () => Date) => HelpdeskAuditLog): void {
  describe(`helpdesk audit log contract: ${name}`, () => {
    it('when a helpdesk user reads calls, then each read is kept with who, whose, which call and when, newest first', async () => {
      let clock = new Date('2026-11-29T10:00:00Z');
      const audit = create(() => clock);
      await audit.record('tenant-a', { actorId: 'helper', actorName: 'Megan Bowen', subjectId: 'alex', callId: null, action: 'listCalls' });
      clock = new Date('2026-11-29T10:01:00Z');
      await audit.record('tenant-a', { actorId: 'helper', actorName: 'Megan Bowen', subjectId: 'alex', callId: 'call-1', action: 'readCall' });
      expect(await audit.recent('tenant-a', 10)).toEqual([
        { actorId: 'helper', actorName: 'Megan Bowen', subjectId: 'alex', callId: 'call-1', action: 'readCall', at: '2026-11-29T10:01:00.000Z' },
        { actorId: 'helper', actorName: 'Megan Bowen', subjectId: 'alex', callId: null, action: 'listCalls', at: '2026-11-29T10:00:00.000Z' },
      ]);
    });

    it('when two reads happen in one millisecond, then both are kept, the later first', async () => {
      const audit = create(() => new Date('2026-11-29T10:00:00Z'));
      await audit.record('t', { actorId: 'h', actorName: null, subjectId: 'a', callId: 'first', action: 'readCall' });
      await audit.record('t', { actorId: 'h', actorName: null, subjectId: 'a', callId: 'second', action: 'readCall' });
      expect((await audit.recent('t', 10)).map((e) => e.callId)).toEqual(['second', 'first']);
    });

    it('when another tenant reads the log, then it sees none of this tenant’s entries, and the limit holds', async () => {
      const audit = create(() => new Date('2026-11-29T10:00:00Z'));
      for (const callId of ['c1', 'c2', 'c3']) await audit.record('tenant-a', { actorId: 'h', actorName: null, subjectId: 'a', callId, action: 'readCall' });
      expect(await audit.recent('tenant-b', 10)).toEqual([]);
      expect((await audit.recent('tenant-a', 2)).map((e) => e.callId)).toEqual(['c3', 'c2']);
    });
  });
}
