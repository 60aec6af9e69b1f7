// GET /api/me/quality: the user's own last 30 days, each call re-checked and diagnosed, then the
// patterns of diagnosis/patterns. Records come from graph/'s cache when their version is known.
import { listOwnCalls, loadOwnCall } from '../../../bot/calls/ownCalls.js';
import { patterns } from '../../../diagnosis/index.js';
import type { MyQualityResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';
import { inBatches } from './inBatches.js';

/** Record fetches one My quality answer may cost; older calls beyond it are left out (truncated). */
export const MAX_QUALITY_CALLS = 150;

export async function myQualityView(deps: Pick<TabApiDependencies, 'calls' | 'diagnose' | 'now'>, userId: string, timeZone: string | undefined): Promise<MyQualityResponse> {
  const summaries = await listOwnCalls(deps.calls, userId, deps.now());
  const examined = summaries.slice(0, MAX_QUALITY_CALLS);
  const observations = (
    await inBatches(examined, 4, async (summary) => {
      const record = await loadOwnCall(deps.calls, userId, summary.id, summary.version);
      return record ? patterns.observeCall(record, deps.diagnose(record, userId), userId, timeZone ? { timeZone } : {}) : null;
    })
  ).filter((o) => o !== null);
  return { days: 30, truncated: summaries.length > examined.length, quality: patterns.myQuality(observations) };
}
