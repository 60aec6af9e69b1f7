import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../bot/testing/memoryStores.js';
import { recordingLogger } from '../../graph/testing/index.js';
import { postChannelDigests, type ChannelDigestDeps } from './channelDigest.js';

const NOW = new Date('2026-12-02T08:00:00Z');
const withheld = { withheld: true as const, people: 2, minimumPeople: 5, reason: 'Too few people.' };

function setup(post: ChannelDigestDeps['post'] = async () => undefined) {
  const stores = createMemoryStores();
  const deps: ChannelDigestDeps = { digests: stores.digests, aggregates: async () => withheld, card: (input) => ({ type: 'message', text: input.quality.withheld ? input.quality.reason : 'figures' }), post, now: () => NOW, logger: recordingLogger() };
  const subscribe = (channelId: string, lastPostedAt: Date | null) => stores.digests.save({ tenantId: 't', channelId, groupId: 'g', reference: { conversation: { id: channelId, conversationType: 'channel', isGroup: true, name: '' } }, createdAt: NOW, lastPostedAt });
  return { stores, deps, subscribe };
}

describe('posting channel digests', () => {
  it('when a channel got its digest earlier today, then it is not posted again; one from yesterday is', async () => {
    const posted: string[] = [];
    const { deps, subscribe } = setup(async (s) => void posted.push(s.channelId));
    await subscribe('today', new Date(NOW.getTime() - 2 * 3_600_000));
    await subscribe('yesterday', new Date(NOW.getTime() - 24 * 3_600_000));
    expect(await postChannelDigests(deps)).toMatchObject({ posted: 1, alreadyPosted: 1 });
    expect(posted).toEqual(['yesterday']);
  });

  it('when the bot was removed from the team (403 on the send), then the channel is unsubscribed; other failures keep it', async () => {
    const { stores, deps, subscribe } = setup(async (s) => {
      throw Object.assign(new Error('send failed'), { statusCode: s.channelId === 'removed' ? 403 : 502 });
    });
    await subscribe('removed', null);
    await subscribe('flaky', null);
    expect(await postChannelDigests(deps)).toMatchObject({ posted: 0, unsubscribed: 1, failed: 1 });
    expect((await stores.digests.list()).map((s) => s.channelId)).toEqual(['flaky']);
  });

  it('when the team no longer exists, then nothing is posted and the subscription stays for an admin to see', async () => {
    const { deps, subscribe, stores } = setup(async () => {
      throw new Error('must not post');
    });
    await subscribe('gone', null);
    expect(await postChannelDigests({ ...deps, aggregates: async () => null })).toMatchObject({ teamGone: 1, posted: 0 });
    expect(await stores.digests.list()).toHaveLength(1);
  });
});
