import { describe, expect, it } from 'vitest';
import { CALL_RECORD_RULES, REPORT_RULES, Throttle, type BucketRule } from './throttle.js';

function clock(start = Date.parse('2026-11-29T10:00:00Z')): { now: () => Date; advance: (ms: number) => void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

describe('Throttle', () => {
  it.each(Object.entries({ ...CALL_RECORD_RULES, ...REPORT_RULES }))('when the %s bucket gets one request over its limit inside its window, then that request is throttled with Retry-After up to the window end', (_name, rule: BucketRule) => {
    const c = clock();
    const throttle = new Throttle(c.now, true);
    for (let i = 0; i < rule.limit; i++) expect(throttle.check([{ rule, key: 'k' }]).throttled).toBe(false);
    c.advance(5000);
    const over = throttle.check([{ rule, key: 'k' }]);
    expect(over).toMatchObject({ throttled: true, rule });
    expect(over.retryAfterSeconds).toBe(rule.windowSeconds - 5);
  });

  it('when the window has passed, then the bucket admits requests again', () => {
    const c = clock();
    const rule = CALL_RECORD_RULES.perRecord;
    const throttle = new Throttle(c.now, true);
    for (let i = 0; i <= rule.limit; i++) throttle.check([{ rule, key: 'r' }]);
    c.advance(rule.windowSeconds * 1000);
    expect(throttle.check([{ rule, key: 'r' }]).throttled).toBe(false);
  });

  it('when buckets have different keys, then one record being throttled does not throttle another', () => {
    const throttle = new Throttle(clock().now, true);
    const rule = CALL_RECORD_RULES.perRecord;
    for (let i = 0; i <= rule.limit; i++) throttle.check([{ rule, key: 'a' }]);
    expect(throttle.check([{ rule, key: 'a' }]).throttled).toBe(true);
    expect(throttle.check([{ rule, key: 'b' }]).throttled).toBe(false);
  });

  it('when throttling is off, then nothing is ever throttled', () => {
    const throttle = new Throttle(clock().now, false);
    for (let i = 0; i < 100; i++) expect(throttle.check([{ rule: CALL_RECORD_RULES.list, key: 'x' }]).throttled).toBe(false);
  });

  it('when a limit is lowered by name, then that bucket trips at the new limit and the others keep Graph\'s', () => {
    const throttle = new Throttle(clock().now, true, { 'callRecords.perTenant': 3 });
    for (let i = 0; i < 3; i++) expect(throttle.check([{ rule: CALL_RECORD_RULES.perTenant, key: 'tenant' }]).throttled).toBe(false);
    expect(throttle.check([{ rule: CALL_RECORD_RULES.perTenant, key: 'tenant' }])).toMatchObject({ throttled: true, rule: CALL_RECORD_RULES.perTenant });
    for (let i = 0; i < 4; i++) expect(throttle.check([{ rule: CALL_RECORD_RULES.list, key: 'list' }]).throttled).toBe(false);
  });

  it('when an override names an unknown bucket or a bad limit, then construction fails naming it', () => {
    expect(() => new Throttle(clock().now, true, { 'callRecords.perUniverse': 5 } as never)).toThrow(/callRecords\.perUniverse.*callRecords\.perTenant/);
    expect(() => new Throttle(clock().now, true, { 'reports.perTenant': 0 })).toThrow(/reports\.perTenant.*positive integer/);
  });
});
