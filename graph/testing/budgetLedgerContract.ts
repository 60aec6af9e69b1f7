// The behaviour every BudgetLedger implementation must have. `open` returns two handles on one
// shared ledger, as two server instances would hold (each with its own caches). Keys are
// `appId|tenantId|bucket` (graph/budget/graphBudget.ts). E.g.:
//   describeBudgetLedgerContract('in-process', () => { const l = new MemoryBudgetLedger(); return { first: l, second: l }; });
import { describe, expect, it } from 'vitest';
import type { BudgetLedger, LedgerBucket } from '../budget/budgetLedger.js';
import { DEFAULT_LEDGER_TIMING } from '../budget/ledgerWindow.js';

export interface SharedLedgerHandles {
  readonly first: BudgetLedger;
  readonly second: BudgetLedger;
}

const T0 = Date.parse('2026-11-20T10:00:00Z');
const WINDOW = 20_000;
/** When a slot taken at T0 has stopped counting, by the default timing's rules. */
const FREED = T0 + DEFAULT_LEDGER_TIMING.sliceMs + WINDOW + DEFAULT_LEDGER_TIMING.slackMs;

const list = (limit = 4): LedgerBucket => ({ key: 'app-1|tenant-a|listCallRecords', limit, windowMs: WINDOW });
const app = (limit = 100): LedgerBucket => ({ key: 'app-1|*|callRecordsApp', limit, windowMs: WINDOW });

export function describeBudgetLedgerContract(name: string, open: () => Promise<SharedLedgerHandles> | SharedLedgerHandles): void {
  describe(`BudgetLedger contract: ${name}`, () => {
    it('when two instances reserve more than the limit at once, then exactly the limit is granted and the rest hear when room frees up', async () => {
      const { first, second } = await open();
      const at = new Date(T0);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? first : second).reserve({ buckets: [app(), list()], count: 1, at })));

      expect(answers.filter((a) => a.granted)).toHaveLength(4);
      for (const denied of answers.filter((a) => !a.granted)) expect(denied).toEqual({ granted: false, key: 'app-1|tenant-a|listCallRecords', retryAt: new Date(FREED) });
    });

    it('when the window has passed since the slots were taken, then there is room again, and not a moment before', async () => {
      const { first, second } = await open();
      for (let i = 0; i < 4; i++) expect(await first.reserve({ buckets: [list()], count: 1, at: new Date(T0) })).toEqual({ granted: true });

      expect((await second.reserve({ buckets: [list()], count: 1, at: new Date(FREED - 1) })).granted).toBe(false);
      expect(await second.reserve({ buckets: [list()], count: 1, at: new Date(FREED) })).toEqual({ granted: true });
    });

    it('when one bucket of a reservation is full, then nothing is recorded in its other buckets', async () => {
      const { first, second } = await open();
      for (let i = 0; i < 4; i++) await first.reserve({ buckets: [list()], count: 1, at: new Date(T0) });
      for (let i = 0; i < 5; i++) expect((await second.reserve({ buckets: [app(5), list()], count: 1, at: new Date(T0 + 100) })).granted).toBe(false);

      const others = { key: 'app-1|tenant-b|listCallRecords', limit: 40, windowMs: WINDOW };
      for (let i = 0; i < 5; i++) expect(await first.reserve({ buckets: [app(5), others], count: 1, at: new Date(T0 + 200) })).toEqual({ granted: true });
    });

    it('when a caller asks with a lower limit (background), then it is refused where one with the full limit still gets room', async () => {
      const { first, second } = await open();
      for (let i = 0; i < 3; i++) await first.reserve({ buckets: [list(3)], count: 1, at: new Date(T0) });

      expect((await second.reserve({ buckets: [list(3)], count: 1, at: new Date(T0) })).granted).toBe(false);
      expect(await second.reserve({ buckets: [list(4)], count: 1, at: new Date(T0) })).toEqual({ granted: true });
    });
  });
}
