import { describe, expect, it } from 'vitest';
import { ALEX, LENA, TEST_TENANT_ID, teamsMessage } from '../testing/activities.js';
import { createTestBot } from '../testing/testBot.js';
import { matchIntent } from '../intents/router.js';
import { channelDigestCard } from '../cards/digestCard.js';
import { visibleText } from '../testing/cardReading.js';
import { toActivity } from '../cards/cardKit.js';

const GROUP = '5e1f7a20-7c3b-4d2a-9e10-00000000ca11';

/** A channel message as Teams sends it: the team's group id in channelData, a thread id on the conversation. */
function channelMessage(text: string, from = ALEX) {
  const base = teamsMessage(text, { scope: 'channel', mentionBot: true, from });
  return {
    ...base,
    conversation: { ...base.conversation!, id: '19:channel@thread.tacv2;messageid=1700000000000' },
    channelData: { tenant: { id: TEST_TENANT_ID }, channel: { id: '19:channel@thread.tacv2' }, team: { id: '19:team@thread.tacv2', aadGroupId: GROUP } },
  };
}

function botWithTeam(members: string[]) {
  return createTestBot({ overrides: { teamMembers: async (groupId) => (groupId === GROUP ? new Set(members.map((m) => m.toLowerCase())) : null) } });
}

describe('channel digest', () => {
  it('when a team member says "daily digest on" in a channel, then the channel (not the thread, not the person) is stored', async () => {
    const bot = botWithTeam([ALEX.id]);
    const [reply] = await bot.send(channelMessage('daily digest on'));
    expect(reply!.text).toContain('Daily digest on');
    const stored = [...bot.stores.digestSubscriptions.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tenantId: TEST_TENANT_ID, channelId: '19:channel@thread.tacv2', groupId: GROUP, lastPostedAt: null });
    expect(stored[0]!.reference.conversation?.id).toBe('19:channel@thread.tacv2');
    expect(stored[0]!.reference.activityId).toBeUndefined();
    expect(JSON.stringify(stored[0])).not.toContain(ALEX.id);
  });

  it('when someone outside the team asks, then nothing is stored', async () => {
    const bot = botWithTeam([ALEX.id]);
    const [reply] = await bot.send(channelMessage('daily digest on', LENA));
    expect(reply!.text).toContain('Only members of this team');
    expect(bot.stores.digestSubscriptions.size).toBe(0);
  });

  it('when "daily digest off" follows, then the subscription is gone; the status question changes nothing', async () => {
    const bot = botWithTeam([ALEX.id]);
    await bot.send(channelMessage('daily digest on'));
    expect((await bot.send(channelMessage('is the daily digest on?')))[0]!.text).toContain('is on for this channel');
    const [off] = await bot.send(channelMessage('daily digest off'));
    expect(off!.text).toContain('Daily digest off');
    expect(bot.stores.digestSubscriptions.size).toBe(0);
  });

  it('when asked in a personal chat, then the bot explains the digest is for channels', async () => {
    const bot = botWithTeam([ALEX.id]);
    const [reply] = await bot.send(teamsMessage('daily digest on'));
    expect(reply!.text).toContain('for team channels');
    expect(bot.stores.digestSubscriptions.size).toBe(0);
  });

  it('phrasings', () => {
    expect(matchIntent('daily digest on')?.params).toEqual({ on: true });
    expect(matchIntent('turn off the daily digest')?.params).toEqual({ on: false });
    expect(matchIntent('is the digest on?')?.params).toEqual({ status: true });
  });
});

describe('digest card', () => {
  it('when the team has fewer than 5 people with calls, then the card gives the reason and no figures', () => {
    const card = channelDigestCard({ days: 7, quality: { withheld: true, people: 3, minimumPeople: 5, reason: 'This team has 3 people with calls; Call Doctor shows aggregates only over 5 or more.' } });
    expect(card.text).toContain('3 people with calls');
    expect(card.text).not.toMatch(/Calls: \d/);
  });

  it('when shown, then the card has the team rates against the targets and nothing about a person', () => {
    const metric = (value: number, target: number) => ({ value, target, meetsTarget: value <= target });
    const reply = channelDigestCard({
      days: 7,
      quality: {
        withheld: false,
        people: 8,
        calls: 120,
        poorAudioStreams: metric(0.05, 0.03),
        setupFailures: metric(0.004, 0.01),
        drops: metric(0.02, 0.03),
        poorRate: 0.12,
        overTime: [],
        topCauses: [{ code: 'wifi-weak-signal' as never, calls: 6, share: 0.4 }],
        connectionTypes: [{ key: 'wifi', label: 'Wi-Fi', calls: 60, poor: 10, dropped: 1, poorRate: 10 / 60, droppedRate: 1 / 60 }],
        wifiBands: [],
        subnets: [],
      },
    });
    const text = visibleText(toActivity(reply));
    expect(text).toContain('People with calls: 8');
    expect(text).toContain('Poor audio streams: 5.0% ⚠️ (target under 3.0%)');
    expect(text).toContain('Dropped calls: 2.0% ✅');
    expect(text).toContain('Worst connection type: Wi-Fi');
  });
});
