// graph/'s services over a scripted fetch, with a fixed token and in-memory stores: the rig for
// unit-testing the clients without a network or an emulator.
import type { BudgetOptions } from '../budget/graphBudget.js';
import type { ReportCacheOptions } from '../reports/reportPageCache.js';
import { createGraphServices, type GraphServices } from '../createGraphServices.js';
import { silentLogger } from '../logger.js';
import { MemoryCallIndex } from '../stores/memoryCallIndex.js';
import { MemoryCallRecordCache } from '../stores/memoryCallRecordCache.js';
import type { ScriptedFetch } from './scriptedFetch.js';

export interface ScriptedServicesOptions {
  readonly now?: () => Date;
  /** Graph root; the documentation examples' absolute nextLinks need https://graph.microsoft.com. */
  readonly baseUrl?: string;
  readonly budget?: BudgetOptions;
  /** GraphSettings.combinedQueries: script the undocumented combined forms instead of the documented ones. */
  readonly combinedQueries?: boolean;
  readonly reportCache?: Partial<ReportCacheOptions>;
}

export function graphServicesOver(graph: ScriptedFetch, options: ScriptedServicesOptions = {}): GraphServices & { readonly cache: MemoryCallRecordCache; readonly index: MemoryCallIndex } {
  const cache = new MemoryCallRecordCache();
  const index = new MemoryCallIndex();
  const services = createGraphServices({
    settings: { tenantId: 't', clientId: 'c', auth: { kind: 'secret', clientSecret: 's' }, baseUrl: options.baseUrl ?? 'https://graph.example.test', authorityHost: 'https://login.example.test', combinedQueries: options.combinedQueries ?? false },
    logger: silentLogger,
    now: options.now ?? (() => new Date('2026-11-20T12:00:00Z')),
    cache,
    index,
    credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) },
    fetch: graph.fetch,
    ...(options.budget && { budget: options.budget }),
    ...(options.reportCache && { reportCache: options.reportCache }),
  });
  return { ...services, cache, index };
}
