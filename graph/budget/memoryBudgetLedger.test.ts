import { describeBudgetLedgerContract } from '../testing/budgetLedgerContract.js';
import { MemoryBudgetLedger } from './memoryBudgetLedger.js';

describeBudgetLedgerContract('in-process', () => {
  const ledger = new MemoryBudgetLedger();
  return { first: ledger, second: ledger };
});
