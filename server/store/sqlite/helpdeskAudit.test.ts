import { describeHelpdeskAuditContract } from '../contract/helpdeskAudit.contract.js';
import { createSqliteStore } from './createSqliteStore.js';

describeHelpdeskAuditContract('sqlite', (now) => createSqliteStore({ path: ':memory:', now }).tab.audit);
