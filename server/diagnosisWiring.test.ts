import { describe, expect, it } from 'vitest';
import { THRESHOLD_KEYS } from '../diagnosis/index.js';
import { ConfigError } from './config/index.js';
import { createDiagnose, explainPhoneCall, thresholdsFromConfig } from './diagnosisWiring.js';
import type { FullCallRecord } from '../graph/index.js';

describe('thresholdsFromConfig', () => {
  it('when CQD_THRESHOLDS names an unknown key, then start-up fails naming the variable and the key', () => {
    expect(() => thresholdsFromConfig({ 'audio.jitterMsec': 40 })).toThrow(ConfigError);
    expect(() => thresholdsFromConfig({ 'audio.jitterMsec': 40 })).toThrow(/CQD_THRESHOLDS.*audio\.jitterMsec/);
  });

  it('when a known key is overridden, then the resolved thresholds carry the new value', () => {
    const key = THRESHOLD_KEYS[0]!;
    const defaults = thresholdsFromConfig({});
    const value = defaults[key] + 1;
    expect(thresholdsFromConfig({ [key]: value })[key]).toBe(value);
  });
});

describe('createDiagnose', () => {
  it('when the record cannot be read, then the answer is unclassified and says why instead of throwing', () => {
    const diagnose = createDiagnose(thresholdsFromConfig({}));
    const broken = { id: 'call-9', sessions: 'not a list' } as unknown as FullCallRecord;
    const diagnosis = diagnose(broken, 'user-1');
    expect(diagnosis.verdict).toBe('unclassified');
    expect(diagnosis.callId).toBe('call-9');
    expect(diagnosis.summary).toMatch(/could not be read/);
  });
});

describe('explainPhoneCall', () => {
  it('when a PSTN call connected, then the bot hears "connected" and the number stays masked', () => {
    const explained = explainPhoneCall({ kind: 'pstn', row: { id: 'p1', callType: 'user_out', calleeNumber: '+14255550100', duration: 125 } });
    expect(explained.outcome).toBe('connected');
    expect(explained.summary).not.toContain('4255550100');
  });
});
