import { describe, expect, it } from 'vitest';
import { blockedNow, dialoutByDestination, smsFailures, trunkHealth } from './trunkHealth.js';

const call = (trunk: string, at: string, ok: boolean, code: number, duration: number, bypass: boolean) => ({
  trunkFullyQualifiedDomainName: trunk,
  startDateTime: at,
  successfulCall: ok,
  finalSipCode: code,
  finalSipCodePhrase: code === 0 ? 'BYE' : `Phrase ${code}`,
  duration,
  mediaBypassEnabled: bypass,
});

// Ten calls on sbc1 over two days, worked by hand:
//   successful: 6 (one of them with no talk time)      -> success rate 6/10
//   answered with talk time: 5                          -> ASR 5/10
//   failures: 486 busy, 603 declined (user's doing), 503 x2 (network)
//   delivered = 6 successful + 486 + 603 = 8            -> NER 8/10
//   media bypass on 3 of 10                             -> 0.3
//   day 1: 6 calls, 1 failed; day 2: 4 calls, 3 failed
const sbc1 = [
  call('sbc1', '2026-11-01T09:00:00Z', true, 0, 120, true),
  call('sbc1', '2026-11-01T10:00:00Z', true, 0, 60, true),
  call('sbc1', '2026-11-01T11:00:00Z', true, 0, 30, false),
  call('sbc1', '2026-11-01T12:00:00Z', true, 0, 45, false),
  call('sbc1', '2026-11-01T13:00:00Z', true, 0, 0, false),
  call('sbc1', '2026-11-01T14:00:00Z', false, 486, 0, false),
  call('sbc1', '2026-11-02T09:00:00Z', true, 0, 300, true),
  call('sbc1', '2026-11-02T10:00:00Z', false, 503, 0, false),
  call('sbc1', '2026-11-02T11:00:00Z', false, 503, 0, false),
  call('sbc1', '2026-11-02T12:00:00Z', false, 603, 0, false),
];

describe('trunkHealth', () => {
  it('when ten calls on one trunk and two on another are summed, then every ratio matches the hand-computed figures', () => {
    const rows = [...sbc1, call('sbc2', '2026-11-01T09:00:00Z', false, 404, 0, true), call('sbc2', '2026-11-02T09:00:00Z', true, 0, 10, true)];
    const [one, two] = trunkHealth(rows, { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z') });

    expect(one).toMatchObject({ trunk: 'sbc1', calls: 10, successful: 6, successRate: 0.6, answerSeizureRatio: 0.5, networkEffectivenessRatio: 0.8, mediaBypassShare: 0.3 });
    expect(one!.topFailures.map((f) => [f.code, f.calls])).toEqual([[503, 2], [486, 1], [603, 1]]);
    expect(one!.topFailures[0]!.meaning).toMatch(/unavailable or overloaded/);
    expect(one!.overTime).toEqual([
      { start: '2026-11-01T00:00:00.000Z', calls: 6, failed: 1 },
      { start: '2026-11-02T00:00:00.000Z', calls: 4, failed: 3 },
    ]);
    expect(two).toMatchObject({ trunk: 'sbc2', calls: 2, successRate: 0.5, networkEffectivenessRatio: 0.5, mediaBypassShare: 1 });
  });

  it('when there are no calls, then there are no trunks rather than ratios of nothing', () => {
    expect(trunkHealth([], { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') })).toEqual([]);
  });
});

describe('blockedNow', () => {
  it('when one user was blocked then unblocked and another blocked, then only the second is blocked now', () => {
    const rows = [
      { userId: 'a', userBlockMode: 'blocked', blockDateTime: '2026-11-01T09:00:00Z', blockReason: 'High Overall Usage' },
      { userId: 'a', userBlockMode: 'Unblocked', blockDateTime: '2026-11-02T09:00:00Z' },
      { userId: 'b', userBlockMode: 'Blocked', blockDateTime: '2026-11-03T09:00:00Z', blockReason: 'Fraud suspected', userTelephoneNumber: '+14255550100' },
    ];
    expect(blockedNow(rows)).toEqual([{ userId: 'b', userDisplayName: null, userPrincipalName: null, userTelephoneNumber: '+14255550100', blockedSince: '2026-11-03T09:00:00Z', blockReason: 'Fraud suspected' }]);
  });
});

describe('smsFailures', () => {
  it('when outgoing texts billed no unit, then they are the failures, newest first, numbers as Graph sent them', () => {
    const rows = [
      { smsId: '1', smsType: 'sms_out', smsUnits: 1, sentDateTime: '2026-11-01T09:00:00Z', destinationNumber: '+14255550100' },
      { smsId: '2', smsType: 'sms_out', smsUnits: 0, sentDateTime: '2026-11-01T10:00:00Z', destinationNumber: '+12345678***' },
      { smsId: '3', smsType: 'sms_in', smsUnits: 0, sentDateTime: '2026-11-01T11:00:00Z' },
      { smsId: '4', smsType: 'sms_out', smsUnits: 0, sentDateTime: '2026-11-02T10:00:00Z', destinationNumber: '+14255550199' },
    ];
    const failures = smsFailures(rows);
    expect(failures.map((f) => f.smsId)).toEqual(['4', '2']);
    expect(failures[1]!.destinationNumber).toBe('+12345678***');
  });
});

describe('dialoutByDestination', () => {
  it('when groups are summed per destination, then calls, minutes and charges add up in cents and currencies stay apart', () => {
    const rows = [
      { userId: 'a', destinationContext: 'Domestic', currency: 'USD', totalCalls: 2, totalCallSeconds: 600, totalCallCharge: 0.1 },
      { userId: 'b', destinationContext: 'Domestic', currency: 'USD', totalCalls: 1, totalCallSeconds: 90, totalCallCharge: 0.2 },
      { userId: 'a', destinationContext: 'International', currency: 'USD', totalCalls: 1, totalCallSeconds: 1200, totalCallCharge: 2.4 },
      { userId: 'c', destinationContext: 'Domestic', currency: 'EUR', totalCalls: 1, totalCallSeconds: 60, totalCallCharge: 0.03 },
    ];
    expect(dialoutByDestination(rows)).toEqual([
      { destinationContext: 'International', currency: 'USD', users: 1, calls: 1, minutes: 20, charge: 2.4 },
      { destinationContext: 'Domestic', currency: 'USD', users: 2, calls: 3, minutes: 11.5, charge: 0.3 },
      { destinationContext: 'Domestic', currency: 'EUR', users: 1, calls: 1, minutes: 1, charge: 0.03 },
    ]);
  });
});
