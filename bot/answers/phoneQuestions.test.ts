// The phone questions beyond one number: the week's phone calls, a text, a block on calling out.
import { describe, expect, it } from 'vitest';
import type { DirectRoutingLogRow, PstnBlockedUsersLogRow, PstnCallLogRow, SmsLogRow } from '../../graph/contract.js';
import { ALEX, MEGAN, teamsMessage } from '../testing/activities.js';
import { visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

const dr = (code: number, phrase: string, at: string, extra: Partial<DirectRoutingLogRow> = {}): DirectRoutingLogRow => ({
  id: `dr-${code}-${at}`, correlationId: `corr-${code}`, userId: ALEX.id, callType: 'ByotOut', callerNumber: '+14255550199', calleeNumber: '+14255550100',
  startDateTime: at, inviteDateTime: at, successfulCall: false, finalSipCode: code, finalSipCodePhrase: phrase, callEndSubReason: 560000 + code, duration: 0,
  trunkFullyQualifiedDomainName: 'sbc1.contoso.com', mediaBypassEnabled: true, ...extra,
});

// One row per SIP class the issue names, with the words the answer must use for it.
const SIP_CLASSES: [string, number, string, RegExp][] = [
  ['busy', 486, 'Busy Here', /the line was busy/],
  ['no answer', 480, 'Temporarily Unavailable', /temporarily unavailable/],
  ['cancelled before answer', 487, 'Request Terminated', /hung up before the call was answered/],
  ['invalid number', 404, 'Not Found', /the number dialed does not exist or could not be routed/],
  ['incomplete number', 484, 'Address Incomplete', /the number dialed was incomplete/],
  ['carrier or SBC failure', 503, 'Service Unavailable', /the phone system or the carrier was unavailable or overloaded/],
  ['SBC timeout', 408, 'Request Timeout', /did not respond in time/],
  ['blocked', 403, 'Forbidden', /refused the call \(Forbidden\)/],
  ['declined', 603, 'Decline', /declined the call/],
];

describe('my phone calls this week', () => {
  it.each(SIP_CLASSES)('when a Direct Routing call failed as %s, then the list says so in plain words with the code, who refused it, trunk and media bypass', async (_name, code, phrase, words) => {
    const bot = createTestBot({ directRouting: [dr(code, phrase, '2026-11-27T10:00:00Z')] });
    const [reply] = await bot.send(teamsMessage('my phone calls this week'));
    const text = visibleText(reply!);
    expect(text).toContain('Your phone calls this week: 1, 1 did not connect');
    expect(text).toMatch(words);
    expect(text).toContain(`SIP ${code} ${phrase}`);
    expect(text).toMatch(/Refused or ended by: (You|The other side|The phone network or the SBC)/);
    expect(text).toContain('Trunk (SBC): sbc1.contoso.com');
    expect(text).toContain('Media bypass: On');
    expect(text).not.toContain('5550100');
  });

  it('when a Calling Plan call connected, then its duration, source and charge are shown, and other people\'s calls are not', async () => {
    const mine: PstnCallLogRow = { id: 'p1', userId: ALEX.id, callType: 'user_out', calleeNumber: '+14255550143', startDateTime: '2026-11-27T09:00:00Z', duration: 125, charge: 0.04, currency: 'USD', callDurationSource: 'microsoft', operator: 'Microsoft' };
    const megans: PstnCallLogRow = { ...mine, id: 'p2', userId: MEGAN.id, calleeNumber: '+14255550777' };
    const bot = createTestBot({ pstn: [mine, megans] });
    bot.calls.pstnCalls = async () => [mine, megans];
    const text = visibleText((await bot.send(teamsMessage('my phone calls this week')))[0]!);
    expect(text).toContain('Your phone calls this week: 1');
    expect(text).toContain('connected and lasted 2 min 5 s');
    expect(text).toContain('Duration source: Measured by Microsoft');
    expect(text).toContain('Charge: 0.04 USD');
    expect(text).not.toContain('0777');
  });

  it('when there are no phone calls, then it says so and points at Teams calls', async () => {
    const text = visibleText((await createTestBot().send(teamsMessage('my phone calls today')))[0]!);
    expect(text).toContain('No phone calls today');
  });
});

const sms = (units: number | null, to: string, at: string, userId = ALEX.id): SmsLogRow => ({ id: `s-${at}`, smsId: `s-${at}`, userId, smsType: 'sms_out', smsUnits: units, destinationNumber: to, sentDateTime: at, callCharge: units ? 0.01 : 0, currency: 'USD' });

describe('did my text go through', () => {
  it.each<[string, number | null, RegExp]>([
    ['sent', 1, /✅ Your text to \+1 425 555 0143.*went out: Teams sent it as 1 message part, billed 0\.01 USD/s],
    ['not sent', 0, /⛔ Your text to \+1 425 555 0143.*did not go out.*What to do: Check the number/s],
    ['unclear', null, /❔ Your text.*does not say whether it went out/s],
  ])('when the log shows the text as %s, then the answer says so in plain words', async (_name, units, words) => {
    const bot = createTestBot({ sms: [sms(units, '+14255550143', '2026-11-27T09:00:00Z'), sms(1, '+14255550199', '2026-11-28T09:00:00Z')] });
    const text = visibleText((await bot.send(teamsMessage('did my text to +1 425 555 0143 go through?')))[0]!);
    expect(text).toMatch(words);
  });

  it('when no number is given, then the latest text is explained; someone else\'s text never is', async () => {
    const bot = createTestBot({ sms: [sms(1, '+14255550143', '2026-11-27T09:00:00Z'), sms(0, '+14255550888', '2026-11-28T09:00:00Z', MEGAN.id)] });
    bot.calls.smsLog = async () => [sms(1, '+14255550143', '2026-11-27T09:00:00Z'), sms(0, '+14255550888', '2026-11-28T09:00:00Z', MEGAN.id)];
    const text = visibleText((await bot.send(teamsMessage('did my sms go through')))[0]!);
    expect(text).toContain('went out');
    expect(text).not.toContain('0888');
  });

  it('when there is no such text, then it says none was found', async () => {
    const text = visibleText((await createTestBot().send(teamsMessage('did my text to +1 425 555 0143 arrive?')))[0]!);
    expect(text).toContain('No text to +1 425 555 0143 found');
  });
});

describe("why can't I call out", () => {
  const block = (mode: string, at: string, reason: string, userId = ALEX.id): PstnBlockedUsersLogRow => ({ userId, userBlockMode: mode as PstnBlockedUsersLogRow['userBlockMode'], blockDateTime: at, blockReason: reason, userTelephoneNumber: '+14255550199' });

  it('when the asker is blocked, then they hear when, why and whom to ask', async () => {
    const bot = createTestBot({ blocked: [block('blocked', '2026-11-26T09:00:00Z', 'High Overall Usage')] });
    const text = visibleText((await bot.send(teamsMessage("why can't I call out?")))[0]!);
    expect(text).toContain('⛔ You are blocked from calling phone numbers');
    expect(text).toContain('reason: High Overall Usage');
    expect(text).toContain('Teams administrator');
  });

  it('when the block was lifted, or another user is blocked, then the asker hears they are not blocked', async () => {
    const bot = createTestBot({ blocked: [block('blocked', '2026-11-20T09:00:00Z', 'Fraud'), block('unblocked', '2026-11-21T09:00:00Z', 'Tenant Requested'), block('blocked', '2026-11-26T09:00:00Z', 'Fraud', MEGAN.id)] });
    bot.calls.blockedUsersLog = async () => [block('blocked', '2026-11-26T09:00:00Z', 'Fraud', MEGAN.id)];
    const text = visibleText((await bot.send(teamsMessage('I cannot make external calls')))[0]!);
    expect(text).toContain('✅ You are not blocked');
  });
});
