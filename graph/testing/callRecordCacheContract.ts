// The behaviour every CallRecordCache implementation must have. Register it from a test file:
//   describeCallRecordCacheContract('SQLite', async () => ({ subject: openCache(), close: () => db.close() }));
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecordCache } from '../ports.js';
import { aFullCallRecord } from './builders.js';
import type { ContractSubject } from './callIndexContract.js';

export function describeCallRecordCacheContract(name: string, open: () => Promise<ContractSubject<CallRecordCache>> | ContractSubject<CallRecordCache>): void {
  describe(`CallRecordCache contract: ${name}`, () => {
    let cache: CallRecordCache;
    let close: (() => Promise<void> | void) | undefined;
    beforeEach(async () => {
      const opened = await open();
      cache = opened.subject;
      close = opened.close;
    });
    afterEach(async () => {
      await close?.();
    });

    it('when a record is put, then get returns an equal record; an unknown id returns undefined', async () => {
      const record = aFullCallRecord({ id: 'call-1' });
      await cache.put(record);

      expect(await cache.get('call-1')).toEqual(record);
      expect(await cache.get('call-2')).toBeUndefined();
    });

    it('when a large meeting (75 sessions, 200 participants) is put, then it comes back whole', async () => {
      const record = aFullCallRecord({ id: 'big-meeting', type: 'groupCall' }, { sessionCount: 75, participantCount: 200 });
      await cache.put(record);

      const stored = await cache.get('big-meeting');
      expect(stored?.sessions).toHaveLength(75);
      expect(stored?.participants_v2).toHaveLength(200);
      expect(stored).toEqual(record);
    });

    it('when an older version is put after a newer one, then the newer one stays', async () => {
      await cache.put(aFullCallRecord({ id: 'c', version: 3, joinWebUrl: 'v3' }));
      await cache.put(aFullCallRecord({ id: 'c', version: 2, joinWebUrl: 'v2' }));
      expect((await cache.get('c'))?.version).toBe(3);

      await cache.put(aFullCallRecord({ id: 'c', version: 4, joinWebUrl: 'v4' }));
      expect(await cache.get('c')).toMatchObject({ version: 4, joinWebUrl: 'v4' });
    });

    it('when a record is removed, then get returns undefined', async () => {
      await cache.put(aFullCallRecord({ id: 'c' }));
      await cache.remove('c');
      await cache.remove('never-stored');

      expect(await cache.get('c')).toBeUndefined();
    });

    it('when a version is marked notified, then only the first mark is news; a newer put version is news again and a put of the same keeps the mark', async () => {
      await cache.put(aFullCallRecord({ id: 'c', version: 1 }));
      expect(await cache.markNotified('c', 1)).toBe(true);
      expect(await cache.markNotified('c', 1)).toBe(false);
      await cache.put(aFullCallRecord({ id: 'c', version: 1 }));
      expect(await cache.markNotified('c', 1)).toBe(false);

      await cache.put(aFullCallRecord({ id: 'c', version: 2 }));
      expect(await cache.markNotified('c', 2)).toBe(true);
      expect(await cache.markNotified('c', 1)).toBe(false);
      expect(await cache.get('c')).toMatchObject({ id: 'c', version: 2 });
    });

    it('when a record is not stored, or was removed, then a mark is news (a repeat beats a missed alert)', async () => {
      expect(await cache.markNotified('never-stored', 1)).toBe(true);
      await cache.put(aFullCallRecord({ id: 'c', version: 1 }));
      await cache.markNotified('c', 1);
      await cache.remove('c');
      await cache.put(aFullCallRecord({ id: 'c', version: 1 }));
      expect(await cache.markNotified('c', 1)).toBe(true);
    });

    it('when pruned, then records of calls that started before the cutoff are gone and counted', async () => {
      await cache.put(aFullCallRecord({ id: 'old', startDateTime: '2026-10-01T10:00:00Z' }));
      await cache.put(aFullCallRecord({ id: 'new', startDateTime: '2026-11-01T10:00:00Z' }));

      expect(await cache.pruneStartedBefore(new Date('2026-10-15T00:00:00Z'))).toBe(1);
      expect(await cache.get('old')).toBeUndefined();
      expect(await cache.get('new')).toBeDefined();
    });
  });
}
