// Device and setting problems from deviceInfo: a microphone or speaker that did not work, a muted
// speaker, howling, CPU overload, glitches, quiet or clipping speech; and from the video streams,
// a sender that could not process video fast enough. Each check reads every field it names and
// keeps the strongest; what only shaped the other person's own listening is a note, not a cause.
import { confidenceOf as c } from './confidence.js';
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { CallView, SideView } from './model.js';
import { num } from './read.js';
import { seconds, windowOf } from './time.js';
import { breachesKey } from './thresholds.js';
import type { ThresholdKey, Thresholds } from './thresholds.js';
import type { CauseCode, Evidence, Note } from './types.js';
import { percent, possessive, subject } from './wording.js';

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
  { code: 'mic-not-working', fields: ['captureNotFunctioningEventRatio'], key: 'device.notFunctioningRatio', confidence: c('device.notFunctioning'), capture: true, phrase: ratio('microphone was not working') },
  { code: 'speaker-not-working', fields: ['renderNotFunctioningEventRatio'], key: 'device.notFunctioningRatio', confidence: c('device.notFunctioning'), capture: false, phrase: ratio('speaker was not working') },
  {
    code: 'speaker-muted',
    fields: ['renderMuteEventRatio', 'renderZeroVolumeEventRatio'],
    key: 'device.speakerMutedRatio',
    confidence: c('device.speakerMuted'),
    capture: false,
    phrase: (who, field, value) => `${who} speaker was ${field === 'renderMuteEventRatio' ? 'muted' : 'at zero volume'} for ${percent(value)} of the call`,
  },
  { code: 'cpu-overload', fields: ['cpuInsufficentEventRatio'], key: 'device.cpuInsufficientRatio', confidence: c('device.cpu'), capture: true, phrase: ratio('computer was too busy (CPU) to process audio') },
  { code: 'audio-glitches', fields: ['deviceGlitchEventRatio'], key: 'device.glitchRatio', confidence: c('device.glitchRatio'), capture: true, phrase: ratio('audio device glitched') },
  { code: 'audio-glitches', fields: ['micGlitchRate'], key: 'device.glitchesPer5Min', confidence: c('device.glitchRate'), capture: true, phrase: (who, _f, value) => `${who} microphone glitched ${Math.round(value)} times per 5 minutes` },
  // A glitching speaker is heard only by its owner: what they received, not what they sent.
  { code: 'audio-glitches', fields: ['speakerGlitchRate'], key: 'device.glitchesPer5Min', confidence: c('device.glitchRate'), capture: false, phrase: (who, _f, value) => `${who} speaker glitched ${Math.round(value)} times per 5 minutes` },
  { code: 'low-speech-level', fields: ['lowSpeechLevelEventRatio'], key: 'device.lowSpeechRatio', confidence: c('device.lowSpeech'), capture: true, phrase: ratio('speech was too quiet') },
  { code: 'mic-clipping', fields: ['deviceClippingEventRatio'], key: 'device.clippingRatio', confidence: c('device.clipping'), capture: true, phrase: ratio('microphone was clipping (too loud)') },
];

export interface DeviceResult {
  readonly findings: readonly Finding[];
  /** What only shaped the other person's own listening in a 1:1 call. */
  readonly notes: readonly Note[];
}

/** Howling is counted, not a ratio: judge the count over the leg's length (ours, a heuristic). */
function howling(where: SideView, legSeconds: () => number | null, thresholds: Thresholds): Finding | null {
  const count = where.device ? num(where.device.howlingEventCount) : null;
  if (count === null || !breachesKey(count, 'device.howlingEvents', thresholds)) return null;
  const length = legSeconds();
  const perHour = length && length > 0 ? (count * 3600) / length : null;
  if (perHour !== null && !breachesKey(perHour, 'device.howlingPerHour', thresholds)) return null;
  const rate = perHour !== null ? ` (${perHour.toFixed(0)} an hour)` : '';
  return findingFor('echo-howling', where, {
    tier: 'root',
    confidence: c('device.howling'),
    evidence: `${possessive(where)} device picked up howling (feedback) ${count} times${rate}`,
    facts: [{ field: `${where.devicePath}.howlingEventCount`, value: count, threshold: thresholds['device.howlingEvents'] }],
    makesPoor: true,
  });
}

function checksAt(where: SideView, captureOnly: boolean, thresholds: Thresholds): { check: Check; finding: Finding }[] {
  const device = where.device;
  if (!device) return [];
  const out: { check: Check; finding: Finding }[] = [];
  for (const check of CHECKS) {
    if (captureOnly && !check.capture) continue;
    let best: { field: string; value: number } | null = null;
    for (const field of check.fields) {
      const value = num(device[field]);
      if (value === null || !breachesKey(value, check.key, thresholds)) continue;
      if (!best || value / thresholds[check.key] > best.value / thresholds[check.key]) best = { field, value };
    }
    if (!best) continue;
    const fact: Evidence = { field: `${where.devicePath}.${best.field}`, value: best.value, threshold: thresholds[check.key] };
    out.push({ check, finding: findingFor(check.code, where, { tier: 'root', confidence: check.confidence, evidence: check.phrase(possessive(where), best.field, best.value), facts: [fact], makesPoor: true }) });
  }
  return out;
}

/** A sender that could not process video fast enough (Graph's lowVideoProcessingCapabilityRatio). */
function videoProcessing(call: CallView, thresholds: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const stream of call.streams) {
    if (!stream.relevant || (stream.kind !== 'video' && stream.kind !== 'screenSharing') || !stream.sender || stream.sender.side === 'service') continue;
    const value = num(stream.stream.lowVideoProcessingCapabilityRatio);
    if (value === null || !breachesKey(value, 'video.lowProcessingRatio', thresholds)) continue;
    out.push(
      findingFor('cpu-overload', stream.sender, {
        tier: 'root',
        confidence: c('device.videoProcessing'),
        evidence: `${possessive(stream.sender)} computer ran below 70% of its expected video processing capability for ${percent(value)} of the call (Graph's lowVideoProcessingCapabilityRatio)`,
        facts: [{ field: `${stream.path}.lowVideoProcessingCapabilityRatio`, value, threshold: thresholds['video.lowProcessingRatio'] }],
        makesPoor: true,
      }),
    );
  }
  return out;
}

/**
 * Devices that shaped the user's call: their own, the other person's microphone in a 1:1 call,
 * and in a meeting only the capture side of other participants. The other person's speaker shaped
 * what they heard, not what the user heard: a note, not a cause.
 */
export function deviceFindings(call: CallView, thresholds: Thresholds): DeviceResult {
  const findings: Finding[] = [];
  const notes: Note[] = [];
  const seen = new Set<string>();
  for (const session of call.sessions) {
    for (const segment of session.segments) {
      // Read only when a device howled: most legs never need their length.
      const legSeconds = (): number | null => seconds(windowOf(segment.startDateTime, segment.endDateTime)) ?? seconds(session.window) ?? call.callSeconds;
      for (const media of segment.media) {
        for (const where of [media.caller, media.callee]) {
          if (where.scope === 'none' || !where.device) continue;
          const key = `${where.endpoint.key}|${where.scope}`;
          if (seen.has(key) && where.endpoint.key.startsWith('id:')) continue;
          seen.add(key);
          for (const { check, finding } of checksAt(where, where.scope === 'sending', thresholds)) {
            if (where.side === 'other' && call.userFound && !check.capture) {
              notes.push({ code: 'their-experience', side: 'other', text: `${finding.evidence}, so ${subject(where)} may not have heard the call well; that was their experience, not yours`, facts: finding.facts });
            } else findings.push(finding);
          }
          const howled = howling(where, legSeconds, thresholds);
          if (howled) findings.push(howled);
        }
      }
    }
  }
  return { findings: [...findings, ...videoProcessing(call, thresholds)], notes };
}
