// The Azure Tables budget ledger against Azurite: two ledgers on one table, as two instances
// hold them (each with its own cache of rows and ETags), pass graph/'s ledger contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBudgetLedgerContract } from '../../../graph/testing/index.js';
import { startAzurite, type RunningAzurite } from '../../../test/support/azurite.js';
import { AzureBudgetLedger } from './budgetLedger.js';
import { AzureTables } from './tables.js';

let azurite: RunningAzurite;
let prefix = 0;
beforeAll(async () => {
  azurite = await startAzurite();
}, 40_000);
afterAll(() => azurite?.stop());

function twoInstances(): { first: AzureBudgetLedger; second: AzureBudgetLedger } {
  const name = `l${++prefix}x`;
  return { first: new AzureBudgetLedger(new AzureTables(azurite.connectionString, name)), second: new AzureBudgetLedger(new AzureTables(azurite.connectionString, name)) };
}

describeBudgetLedgerContract('Azure Tables (Azurite)', twoInstances);

describe('Azure Tables budget ledger', () => {
  it('when 60 reservations from two instances race for 40 slots, then exactly 40 are granted, rounds being decided again after the other instance wrote', async () => {
    const { first, second } = twoInstances();
    const at = new Date('2026-11-20T10:00:00Z');
    const buckets = [
      { key: 'app|*|callRecordsApp', limit: 15_000, windowMs: 20_000 },
      { key: 'app|t|callRecords', limit: 1_500, windowMs: 20_000 },
      { key: 'app|t|listCallRecords', limit: 40, windowMs: 20_000 },
    ];
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? first : second).reserve({ buckets, count: 1, at })));

    expect(answers.filter((a) => a.granted)).toHaveLength(40);
  });

  it('when a per-record bucket has not been written for an hour, then a later reservation sweeps its row and keeps the live ones', async () => {
    const name = `l${++prefix}x`;
    const tables = new AzureTables(azurite.connectionString, name);
    const ledger = new AzureBudgetLedger(tables);
    const start = Date.parse('2026-11-20T10:00:00Z');
    const bucket = (key: string) => ({ key: `app|t|${key}`, limit: 40, windowMs: 20_000 });
    await ledger.reserve({ buckets: [bucket('callRecord:old')], count: 1, at: new Date(start) });
    await new AzureBudgetLedger(tables).reserve({ buckets: [bucket('callRecord:new')], count: 1, at: new Date(start + 2 * 60 * 60_000) });

    const table = await tables.table('budget');
    const rows = async () => {
      const keys: string[] = [];
      for await (const row of table.listEntities()) keys.push(row.rowKey!);
      return keys;
    };
    await expect.poll(rows, { timeout: 5_000 }).toEqual(['t|callRecord:new']);
  });
});
