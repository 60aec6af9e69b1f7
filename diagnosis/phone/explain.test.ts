import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphExamplesDir } from '../../test/support/reference.js';
import { describe, expect, it } from 'vitest';
import { explainDirectRoutingCall, explainPstnCall } from './explain.js';
import { maskPhoneNumber } from './mask.js';

const rows = (name: string): Record<string, unknown>[] => (JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8')) as { value: Record<string, unknown>[] }).value;

describe('Direct Routing rows', () => {
  it.each(['getDirectRoutingCalls.v1.0.json', 'getDirectRoutingCalls.beta.json'])('when the documentation row of %s is explained then it is an inbound call that ended normally via its SBC', (file) => {
    const e = explainDirectRoutingCall(rows(file)[0]!);
    expect(e).toMatchObject({ kind: 'directRouting', outcome: 'completed', direction: 'inbound', trunk: 'tll-audiocodes01.adatum.biz', mediaBypass: false, callEndSubReason: 540000, durationSeconds: 5 });
    expect(e.summary).toBe('Your inbound phone call from +*******8*** through the SBC tll-audiocodes01.adatum.biz connected and lasted 5 s; the call ended normally (one side hung up).');
  });

  const failed = (code: number, callType: string, phrase: string | null = null): Record<string, unknown> => ({
    ...rows('getDirectRoutingCalls.v1.0.json')[0]!,
    successfulCall: false,
    finalSipCode: code,
    finalSipCodePhrase: phrase,
    callEndSubReason: 560000 + code,
    callType,
    calleeNumber: '+14255550123',
    duration: 0,
  });

  it.each([
    [404, 'ByotOut', /does not exist or could not be routed/, 'network'],
    [408, 'ByotOut', /did not respond in time/, 'network'],
    [480, 'ByotOut', /temporarily unavailable/, 'other'],
    [486, 'ByotOut', /busy/, 'other'],
    [487, 'ByotIn', /caller hung up before the call was answered/, 'other'],
    [487, 'ByotOut', /caller hung up before the call was answered/, 'you'],
    [488, 'ByotOut', /could not agree on audio settings/, 'network'],
    [500, 'ByotOut', /internal error/, 'network'],
    [503, 'ByotOut', /unavailable or overloaded/, 'network'],
    [603, 'ByotOut', /declined/, 'other'],
    [603, 'ByotIn', /declined/, 'you'],
    [499, 'ByotOut', /refused by the far end \(SIP 499\)/, 'network'],
  ])('when SIP %d ends a %s call then it says so in plain words and who ended it', (code, callType, meaning, endedBy) => {
    const e = explainDirectRoutingCall(failed(code, callType, 'Phrase'));
    expect(e.outcome).toBe('failed');
    expect(e.sip?.meaning).toMatch(meaning);
    expect(e.summary).toMatch(meaning);
    expect(e.summary).toContain(`SIP ${code} Phrase (sub-reason ${560000 + code})`);
    expect(e.endedBy).toBe(endedBy);
  });

  it('when a failed outbound call is explained then the full number never appears', () => {
    const e = explainDirectRoutingCall(failed(404, 'ByotOut'));
    expect(JSON.stringify(e)).not.toContain('5550123');
    expect(e.otherParty).toBe('+*******0123');
  });

  it('when media bypass was on then the summary says media went directly to the SBC', () => {
    expect(explainDirectRoutingCall({ ...rows('getDirectRoutingCalls.v1.0.json')[0]!, mediaBypassEnabled: true }).summary).toContain('media bypass');
  });

  it('when the row is empty then it still explains what it can without throwing', () => {
    expect(explainDirectRoutingCall({}).summary).toBe('Your phone call did not connect.');
  });
});

describe('PSTN rows', () => {
  it.each(['getPstnCalls.v1.0.json', 'getPstnCalls.beta.json'])('when the documentation row of %s is explained then it is a 3 min 39 s inbound Calling Plan call', (file) => {
    const e = explainPstnCall(rows(file)[0]!);
    expect(e).toMatchObject({ kind: 'pstn', outcome: 'completed', direction: 'inbound', durationSeconds: 219, otherParty: '+******6789' });
    expect(e.summary).toBe('Your inbound phone call from +******6789 (United States) connected and lasted 3 min 39 s, carried by Microsoft.');
  });

  it('when an outbound call lasted no time then it says it did not connect and masks the number dialed', () => {
    const e = explainPstnCall({ ...rows('getPstnCalls.v1.0.json')[0]!, callType: 'user_out', duration: 0 });
    expect(e).toMatchObject({ outcome: 'failed', direction: 'outbound', otherParty: '+******7890' });
    expect(e.summary).not.toContain('1234567890');
  });
});

describe('maskPhoneNumber', () => {
  it.each([
    ['+1234567890', '+******7890'],
    ['+12345678***', '+*******8***'],
    ['tel:+1 (425) 555-0123', '***:+* (***) ***-0123'],
    ['sip:alice@contoso.com', '***:*************.***'],
  ])('when given %s then only the last digits (and no names) show', (input, masked) => {
    expect(maskPhoneNumber(input)).toBe(masked);
  });
});
