// The index entry of a call is its summary (no addresses), kept longer than the raw record.
import { describe, expect, it } from 'vitest';
import { createGraphServices } from '../createGraphServices.js';
import { MemoryCallIndex } from '../stores/memoryCallIndex.js';
import { MemoryCallRecordCache } from '../stores/memoryCallRecordCache.js';
import { aCallSummary, recordingLogger, scriptedFetch } from '../testing/index.js';

const BOB = 'b0b00000-0000-4000-8000-000000000002';

function feedWith(summaryRetentionDays?: number) {
  const cache = new MemoryCallRecordCache();
  const index = new MemoryCallIndex();
  const services = createGraphServices({
    settings: { tenantId: 't', clientId: 'c', auth: { kind: 'secret', clientSecret: 's' }, baseUrl: 'https://graph.example.test', authorityHost: 'https://login.example.test' },
    logger: recordingLogger(),
    now: () => new Date('2026-11-20T12:00:00Z'),
    cache,
    index,
    credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) },
    fetch: scriptedFetch().fetch,
    ...(summaryRetentionDays !== undefined && { tuning: { summaryRetentionDays } }),
  });
  return { feed: services.feed, cache, index };
}

describe('summary retention', () => {
  it('when summaries are kept 90 days, then a 60-day-old raw record is pruned but its summary stays, and a 100-day-old summary goes', async () => {
    const { feed, cache, index } = feedWith(90);
    await cache.put({ id: 'sixty', version: 1, startDateTime: '2026-09-21T09:00:00Z', sessions: [], participants_v2: [] });
    await index.upsert(BOB, [aCallSummary({ id: 'sixty', startDateTime: '2026-09-21T09:00:00Z' }), aCallSummary({ id: 'hundred', startDateTime: '2026-08-12T09:00:00Z' })]);

    await feed.prune();
    expect(await cache.get('sixty')).toBeUndefined();
    expect((await index.recent(BOB, { since: new Date(0) })).map((c) => c.id)).toEqual(['sixty']);
  });

  it('when no summary retention is given, then summaries follow the records’ 30 days', async () => {
    const { feed, index } = feedWith();
    await index.upsert(BOB, [aCallSummary({ id: 'sixty', startDateTime: '2026-09-21T09:00:00Z' })]);
    await feed.prune();
    expect(await index.recent(BOB, { since: new Date(0) })).toEqual([]);
  });
});
