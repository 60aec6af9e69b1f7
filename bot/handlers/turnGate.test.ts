import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ALEX, RAVI, TEST_TENANT_ID, botInstalled, cardSubmit, teamsMessage } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';
import { OTHER_TENANT_REPLY, fromServedTenant } from './turnGate.js';

const OTHER_TENANT = '0f0f0f0f-1111-4222-8333-444444444444';
// Alex's object id is in this tenant's record (an external-access meeting), but the activity comes from another tenant.
const alexDropped = testCall({ id: 'alex-dropped', start: '2026-11-28T14:30:00Z', with: [RAVI], quality: 'dropped' });

function fromTenant(activity: Partial<Activity>, tenantId: string, where: 'both' | 'conversation' | 'channelData' = 'both'): Partial<Activity> {
  return {
    ...activity,
    conversation: { ...activity.conversation!, tenantId: where === 'channelData' ? TEST_TENANT_ID : tenantId },
    channelData: { tenant: { id: where === 'conversation' ? TEST_TENANT_ID : tenantId } },
  };
}

describe('turn gate: the served tenant only', () => {
  it.each(['both', 'conversation', 'channelData'] as const)(
    'when a user of another tenant (stated in %s) asks about a call in this tenant’s records, then they get one sentence and nothing of the call',
    async (where) => {
      const bot = createTestBot({ records: [alexDropped] });
      const replies = await bot.send(fromTenant(teamsMessage('why did my last call drop'), OTHER_TENANT, where));
      expect(replies).toHaveLength(1);
      expect(visibleText(replies[0]!)).toBe(OTHER_TENANT_REPLY);
      expect(JSON.stringify(replies)).not.toContain('alex-dropped');
      expect(bot.calls.fetched).toEqual([]);
    },
  );

  it('when a user of another tenant presses a feedback button or installs the app, then nothing is stored', async () => {
    const bot = createTestBot({ records: [alexDropped] });
    await bot.send(fromTenant(cardSubmit({ verb: 'feedback', callId: 'alex-dropped', helpful: true, causeCode: null, askedBy: ALEX.id }), OTHER_TENANT));
    await bot.send(fromTenant(botInstalled(), OTHER_TENANT));
    expect(bot.stores.feedbackEntries).toEqual([]);
    expect(await bot.stores.conversations.get({ tenantId: OTHER_TENANT, userId: ALEX.id })).toBeUndefined();
  });

  it('when the served tenant is written in capitals, then its own users are still answered', async () => {
    const bot = createTestBot({ records: [alexDropped], overrides: { tenantId: TEST_TENANT_ID.toUpperCase() } });
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    expect(visibleText(reply!)).toContain('Call dropped');
  });

  it('when an activity states a tenant of another type, then it is not the served tenant', () => {
    expect(fromServedTenant({ conversation: { id: 'c', tenantId: 42 as unknown as string } as Activity['conversation'] }, TEST_TENANT_ID)).toBe(false);
    expect(fromServedTenant({ conversation: { id: 'c', tenantId: TEST_TENANT_ID } as Activity['conversation'] }, TEST_TENANT_ID)).toBe(true);
  });
});
