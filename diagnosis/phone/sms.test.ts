import { describe, expect, it } from 'vitest';
import { explainBlocking } from './blocked.js';
import { explainSms, SMS_STATUS_WORDS, type SmsStatus } from './sms.js';

describe('explainSms', () => {
  it.each<[SmsStatus, Record<string, unknown>, RegExp]>([
    ['sent', { smsType: 'sms_out', smsUnits: 2, callCharge: 0.02, currency: 'USD', destinationNumber: '+14255550143' }, /^Your text to \+\*{7}0143 went out: Teams sent it as 2 message parts, billed 0\.02 USD\. The log records sending, not whether the phone received it\.$/],
    ['received', { smsType: 'sms_in', smsUnits: 1, sourceNumber: '+12345678***' }, /^You received a text from \+\*{7}8\*\*\*\.$/],
    ['notSent', { smsType: 'sms_out', smsUnits: 0, destinationNumber: '+14255550199' }, /did not go out: the SMS log shows no message part sent/],
    ['unknown', { smsType: 'sms_out', destinationNumber: '+14255550199' }, /does not say whether it went out/],
  ])('when the row says %s, then the words say so plainly and mask the number', (status, row, words) => {
    const e = explainSms(row);
    expect(e.status).toBe(status);
    expect(e.summary).toMatch(words);
    expect(SMS_STATUS_WORDS[status]).toBeTruthy();
    expect(JSON.stringify(e)).not.toMatch(/555014[39]|2345678/);
  });

  it('when a text did not go out, then the advice says what to check', () => {
    expect(explainSms({ smsType: 'sms_out', smsUnits: 0 }).advice).toMatch(/country code/);
  });
});

describe('explainBlocking', () => {
  it('when the latest action is a block, then the user is told they are blocked, when, why and whom to ask', () => {
    const e = explainBlocking([
      { userBlockMode: 'unblocked', blockDateTime: '2026-10-01T09:00:00Z' },
      { userBlockMode: 'Blocked', blockDateTime: '2026-11-01T09:00:00Z', blockReason: 'High Overall Usage' },
    ], { when: (iso) => `[${iso.slice(0, 10)}]` });
    expect(e.blockedNow).toBe(true);
    expect(e.summary).toBe('You are blocked from calling phone numbers: Microsoft blocked your number on [2026-11-01] (reason: High Overall Usage). Teams calls still work; only calls to and from phone numbers are stopped.');
    expect(e.advice).toMatch(/Teams administrator/);
  });

  it('when the block was lifted, then it says so; with no rows it says there is no block', () => {
    expect(explainBlocking([{ userBlockMode: 'blocked', blockDateTime: '2026-10-01T09:00:00Z' }, { userBlockMode: 'unblocked', blockDateTime: '2026-10-02T09:00:00Z', blockReason: 'Tenant Requested' }]).summary).toMatch(/^You are not blocked now: your block was lifted on 2026-10-02/);
    expect(explainBlocking([]).summary).toMatch(/no block on you/);
  });
});
