// Device and setting problems from deviceInfo: a microphone or speaker that did not work, a muted
// speaker, howling, CPU overload, glitches, quiet or clipping speech.
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { CallView, SideView } from './model.js';
import { num } from './read.js';
import { breachesKey } from './thresholds.js';
import type { ThresholdKey, Thresholds } from './thresholds.js';
import type { CauseCode, Evidence } from './types.js';
import { percent, possessive } from './wording.js';

interface Check {
  readonly code: CauseCode;
  readonly fields: readonly string[];
  readonly key: ThresholdKey;
  readonly confidence: number;
  /** Affects what the person sends: matters to everyone in a meeting, not only to them. */
  readonly capture: boolean;
  readonly phrase: (who: string, field: string, value: number) => string;
}

const ratio = (what: string) => (who: string, _field: string, value: number) => `${who} ${what} for ${percent(value)} of the call`;

const CHECKS: readonly Check[] = [
  { code: 'mic-not-working', fields: ['captureNotFunctioningEventRatio'], key: 'device.notFunctioningRatio', confidence: 0.9, capture: true, phrase: ratio('microphone was not working') },
  { code: 'speaker-not-working', fields: ['renderNotFunctioningEventRatio'], key: 'device.notFunctioningRatio', confidence: 0.9, capture: false, phrase: ratio('speaker was not working') },
  {
    code: 'speaker-muted',
    fields: ['renderMuteEventRatio', 'renderZeroVolumeEventRatio'],
    key: 'device.speakerMutedRatio',
    confidence: 0.85,
    capture: false,
    phrase: (who, field, value) => `${who} speaker was ${field === 'renderMuteEventRatio' ? 'muted' : 'at zero volume'} for ${percent(value)} of the call`,
  },
  { code: 'echo-howling', fields: ['howlingEventCount'], key: 'device.howlingEvents', confidence: 0.8, capture: true, phrase: (who, _f, value) => `${who} device picked up howling (feedback) ${value} time${value === 1 ? '' : 's'}` },
  { code: 'cpu-overload', fields: ['cpuInsufficentEventRatio'], key: 'device.cpuInsufficientRatio', confidence: 0.75, capture: true, phrase: ratio('computer was too busy (CPU) to process audio') },
  { code: 'audio-glitches', fields: ['deviceGlitchEventRatio'], key: 'device.glitchRatio', confidence: 0.6, capture: true, phrase: ratio('audio device glitched') },
  { code: 'audio-glitches', fields: ['micGlitchRate', 'speakerGlitchRate'], key: 'device.glitchesPer5Min', confidence: 0.55, capture: true, phrase: (who, field, value) => `${who} ${field === 'micGlitchRate' ? 'microphone' : 'speaker'} glitched ${Math.round(value)} times per 5 minutes` },
  { code: 'low-speech-level', fields: ['lowSpeechLevelEventRatio'], key: 'device.lowSpeechRatio', confidence: 0.6, capture: true, phrase: ratio('speech was too quiet') },
  { code: 'mic-clipping', fields: ['deviceClippingEventRatio'], key: 'device.clippingRatio', confidence: 0.6, capture: true, phrase: ratio('microphone was clipping (too loud)') },
];

function deviceFindingsAt(where: SideView, captureOnly: boolean, thresholds: Thresholds): Finding[] {
  const device = where.device;
  if (!device) return [];
  const out: Finding[] = [];
  for (const check of CHECKS) {
    if (captureOnly && !check.capture) continue;
    for (const field of check.fields) {
      const value = num(device[field]);
      if (value === null || !breachesKey(value, check.key, thresholds)) continue;
      const fact: Evidence = { field: `${where.devicePath}.${field}`, value, threshold: thresholds[check.key] };
      out.push(findingFor(check.code, where, { tier: 'root', confidence: check.confidence, evidence: check.phrase(possessive(where), field, value), facts: [fact], makesPoor: true }));
      break;
    }
  }
  return out;
}

/**
 * Devices that shaped the user's call: their own, the other person's in a 1:1 call, and in a
 * meeting only the capture side of other participants (their speaker only affected them).
 */
export function deviceFindings(call: CallView, thresholds: Thresholds): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const media of call.media) {
    for (const where of [media.caller, media.callee]) {
      if (where.scope === 'none' || !where.device) continue;
      const key = `${where.endpoint.key}|${where.scope}`;
      if (seen.has(key) && where.endpoint.key.startsWith('id:')) continue;
      seen.add(key);
      out.push(...deviceFindingsAt(where, where.scope === 'sending', thresholds));
    }
  }
  return out;
}
