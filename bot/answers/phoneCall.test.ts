import { describe, expect, it } from 'vitest';
import type { DirectRoutingLogRow, PstnCallLogRow } from '../../graph/contract.js';
import { explainDirectRoutingCall, explainPstnCall } from '../../diagnosis/index.js';
import type { PhoneCallRow } from '../dependencies.js';
import { ALEX, MEGAN, teamsMessage } from '../testing/activities.js';
import { visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

const pstnUnanswered: PstnCallLogRow = {
  id: 'pstn-1', callId: 'pstn-call-1', userId: ALEX.id, userDisplayName: ALEX.name, callType: 'user_out',
  callerNumber: '+14255550199', calleeNumber: '+14255550100', startDateTime: '2026-11-28T13:00:00Z', endDateTime: '2026-11-28T13:00:20Z', duration: 0,
};
const directRoutingBusy: DirectRoutingLogRow = {
  id: 'dr-1', correlationId: 'corr-1', userId: ALEX.id, callType: 'ByotOut', callerNumber: '+4930123456', calleeNumber: '+442079460958',
  startDateTime: '2026-11-27T10:00:00Z', inviteDateTime: '2026-11-27T10:00:00Z', failureDateTime: '2026-11-27T10:00:05Z',
  successfulCall: false, finalSipCode: 486, finalSipCodePhrase: 'Busy Here', callEndSubReason: 0, duration: 0,
};
const megansCallToSameNumber: PstnCallLogRow = { ...pstnUnanswered, id: 'pstn-2', userId: MEGAN.id, startDateTime: '2026-11-28T14:00:00Z', duration: 600 };

/** The same adaptation server/ wires: diagnosis/'s phone explanations in the bot's shape. */
function explainWithDiagnosis(call: PhoneCallRow) {
  const explained = call.kind === 'pstn' ? explainPstnCall(call.row) : explainDirectRoutingCall(call.row);
  return { outcome: explained.outcome === 'completed' ? ('connected' as const) : explained.outcome, summary: explained.summary, ...(explained.advice ? { advice: explained.advice } : {}), details: explained.details };
}

describe('phone calls', () => {
  it('when asked why a call to a number failed, then the matching Calling Plan row is explained', async () => {
    const bot = createTestBot({ pstn: [pstnUnanswered] });
    const [reply] = await bot.send(teamsMessage('why did my call to +1 425 555 0100 fail'));
    const text = visibleText(reply!);
    expect(text).toContain('Your phone call to +1 425 555 0100');
    expect(text).toContain('did not connect');
    expect(text).toContain('Teams Phone');
  });

  it('when the number is written differently from the report, then the call is still found', async () => {
    const bot = createTestBot({ pstn: [pstnUnanswered] });
    const [reply] = await bot.send(teamsMessage('what happened with (425) 555-0100'));
    expect(visibleText(reply!)).toContain('Your phone call to (425) 555-0100');
  });

  it('when a Direct Routing call was refused as busy, then the diagnosis explanation names it', async () => {
    const bot = createTestBot({ directRouting: [directRoutingBusy], overrides: { explainPhoneCall: explainWithDiagnosis } });
    const [reply] = await bot.send(teamsMessage('why did my call to +44 20 7946 0958 fail?'));
    const text = visibleText(reply!);
    expect(text).toContain('⛔ Your phone call to +44 20 7946 0958');
    expect(text).toContain('Direct Routing');
    expect(text.toLowerCase()).toContain('busy');
    expect(text).toContain('Refused or ended by: The other side');
    expect(text).toContain('SIP final code: 486 Busy Here');
  });

  it("when the report returns someone else's row, then it is never shown", async () => {
    const bot = createTestBot({ pstn: [megansCallToSameNumber] });
    // A report that ignores the user filter must still not leak Megan's call.
    bot.calls.pstnCalls = async () => [megansCallToSameNumber];
    const [reply] = await bot.send(teamsMessage('why did my call to +1 425 555 0100 fail'));
    expect(visibleText(reply!)).toContain('No phone call with +1 425 555 0100 found');
  });

  it('when one report fails, then the other still answers', async () => {
    const bot = createTestBot({ pstn: [pstnUnanswered] });
    bot.calls.directRoutingCalls = async () => {
      throw new Error('Direct Routing report unavailable');
    };
    const [reply] = await bot.send(teamsMessage('why did my call to +1 425 555 0100 fail'));
    expect(visibleText(reply!)).toContain('Your phone call to +1 425 555 0100');
  });

  it('when answering about a phone number, then the number never reaches the logs', async () => {
    const bot = createTestBot({ pstn: [pstnUnanswered] });
    bot.calls.directRoutingCalls = async () => {
      throw new Error('Direct Routing report unavailable');
    };
    await bot.send(teamsMessage('why did my call to +1 425 555 0100 fail'));
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(bot.logs)).not.toMatch(/555.?0100|4255550100/);
  });
});

describe('phone numbers in group conversations', () => {
  it('when the asker asks about a number in a channel, then the answer shows only its last digits', async () => {
    const bot = createTestBot({ pstn: [pstnUnanswered] });
    const [reply] = await bot.send(teamsMessage('why did my call to +1 425 555 0100 fail', { scope: 'channel', mentionBot: true }));
    expect(visibleText(reply!)).toContain('Your phone call to +* *** *** 0100');
    expect(JSON.stringify(reply)).not.toMatch(/555.?0100/);
  });

  it('when a number is not found in a group chat, then the answer does not repeat it in full', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('why did my call to +1 425 555 0100 fail', { scope: 'groupChat', mentionBot: true }));
    expect(visibleText(reply!)).toContain('No phone call with +* *** *** 0100 found');
    expect(JSON.stringify(reply)).not.toMatch(/555.?0100/);
  });
});

describe('whose phone calls they are', () => {
  it('when the report spells the asker’s object id in upper case, then their call is still found', async () => {
    const bot = createTestBot({ pstn: [{ ...pstnUnanswered, userId: ALEX.id.toUpperCase() }] });
    bot.calls.pstnCalls = async () => [{ ...pstnUnanswered, userId: ALEX.id.toUpperCase() }];
    const [reply] = await bot.send(teamsMessage('why did my call to +1 425 555 0100 fail'));
    expect(visibleText(reply!)).toContain('Your phone call to +1 425 555 0100');
  });
});
