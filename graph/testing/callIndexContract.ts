// The behaviour every CallIndex implementation must have. Register it from a test file:
//   describeCallIndexContract('SQLite', async () => ({ subject: openIndex(), close: () => db.close() }));
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallIndex } from '../ports.js';
import { aCallSummary, aParticipant } from './builders.js';

export interface ContractSubject<T> {
  readonly subject: T;
  readonly close?: () => Promise<void> | void;
}

const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';
const day = (n: number): string => `2026-11-${String(n).padStart(2, '0')}T10:00:00Z`;

export function describeCallIndexContract(name: string, open: () => Promise<ContractSubject<CallIndex>> | ContractSubject<CallIndex>): void {
  describe(`CallIndex contract: ${name}`, () => {
    let index: CallIndex;
    let close: (() => Promise<void> | void) | undefined;
    beforeEach(async () => {
      const opened = await open();
      index = opened.subject;
      close = opened.close;
    });
    afterEach(async () => {
      await close?.();
    });

    it('when calls are upserted, then recent returns them newest first with every field intact', async () => {
      const older = aCallSummary({ id: 'call-1', startDateTime: day(1), endDateTime: day(1) });
      const newer = aCallSummary({ id: 'call-2', startDateTime: day(3), endDateTime: day(3), modalities: ['audio', 'video'], type: 'groupCall' });
      const middle = aCallSummary({ id: 'call-3', startDateTime: day(2), endDateTime: day(2), organizer: null, participants: null, version: null });
      await index.upsert(ALICE, [older, newer]);
      await index.upsert(ALICE, [middle]);

      expect(await index.recent(ALICE, { since: new Date(day(1)) })).toEqual([newer, middle, older]);
    });

    it('when another user has calls, then they are not in this user\'s recent calls', async () => {
      await index.upsert(ALICE, [aCallSummary({ id: 'alice-call' })]);
      await index.upsert(BOB, [aCallSummary({ id: 'bob-call' })]);

      expect((await index.recent(ALICE, { since: new Date(0) })).map((c) => c.id)).toEqual(['alice-call']);
      expect(await index.recent('nobody', { since: new Date(0) })).toEqual([]);
    });

    it('when since, until and limit are given, then only calls started in [since, until) come back, at most limit', async () => {
      await index.upsert(ALICE, [1, 2, 3, 4, 5].map((d) => aCallSummary({ id: `call-${d}`, startDateTime: day(d) })));

      const window = await index.recent(ALICE, { since: new Date(day(2)), until: new Date(day(5)) });
      expect(window.map((c) => c.id)).toEqual(['call-4', 'call-3', 'call-2']);
      const limited = await index.recent(ALICE, { since: new Date(day(1)), limit: 2 });
      expect(limited.map((c) => c.id)).toEqual(['call-5', 'call-4']);
    });

    it('when a higher version of a call arrives, then it replaces the stored one; a lower version is ignored', async () => {
      await index.upsert(ALICE, [aCallSummary({ id: 'c', version: 2, endDateTime: day(2) })]);
      await index.upsert(ALICE, [aCallSummary({ id: 'c', version: 1, endDateTime: day(1) })]);
      expect((await index.recent(ALICE, { since: new Date(0) }))[0]).toMatchObject({ version: 2, endDateTime: day(2) });

      await index.upsert(ALICE, [aCallSummary({ id: 'c', version: 3, endDateTime: day(3) })]);
      const calls = await index.recent(ALICE, { since: new Date(0) });
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ version: 3, endDateTime: day(3) });
    });

    it('when a list entry without participants arrives at the same version, then the known participants are kept', async () => {
      const participants = [aParticipant({ id: ALICE, displayName: 'Alice' }), aParticipant({ id: '+15550100', displayName: null, kind: 'phone' })];
      await index.upsert(ALICE, [aCallSummary({ id: 'c', version: 2, participants })]);
      await index.upsert(ALICE, [aCallSummary({ id: 'c', version: 2, participants: null })]);

      expect((await index.recent(ALICE, { since: new Date(0) }))[0]?.participants).toEqual(participants);
    });

    it('when coverage is set, then it reads back; a user never listed has none', async () => {
      expect(await index.getCoverage(ALICE)).toBeUndefined();
      await index.setCoverage(ALICE, { since: new Date(day(1)), listedAt: new Date(day(2)) });
      await index.setCoverage(ALICE, { since: new Date(day(3)), listedAt: new Date(day(4)) });

      expect(await index.getCoverage(ALICE)).toEqual({ since: new Date(day(3)), listedAt: new Date(day(4)) });
      expect(await index.getCoverage(BOB)).toBeUndefined();
    });

    it('when pruned, then calls that started before the cutoff are gone for every user and counted', async () => {
      await index.upsert(ALICE, [aCallSummary({ id: 'old', startDateTime: day(1) }), aCallSummary({ id: 'new', startDateTime: day(9) })]);
      await index.upsert(BOB, [aCallSummary({ id: 'old', startDateTime: day(1) })]);

      expect(await index.pruneStartedBefore(new Date(day(5)))).toBe(2);
      expect((await index.recent(ALICE, { since: new Date(0) })).map((c) => c.id)).toEqual(['new']);
      expect(await index.recent(BOB, { since: new Date(0) })).toEqual([]);
    });

    it("when a user asks to be forgotten, then their entries and coverage go, others' entries of the same calls stay", async () => {
      await index.upsert(ALICE, [aCallSummary({ id: 'shared', startDateTime: day(3) }), aCallSummary({ id: 'own', startDateTime: day(4) })]);
      await index.upsert(BOB, [aCallSummary({ id: 'shared', startDateTime: day(3) })]);
      await index.setCoverage(ALICE, { since: new Date(day(1)), listedAt: new Date(day(5)) });

      expect(await index.removeUser(ALICE)).toBe(2);
      expect(await index.recent(ALICE, { since: new Date(0) })).toEqual([]);
      expect(await index.getCoverage(ALICE)).toBeUndefined();
      expect((await index.recent(BOB, { since: new Date(0) })).map((c) => c.id)).toEqual(['shared']);
      expect(await index.removeUser(ALICE)).toBe(0);
    });
  });
}
