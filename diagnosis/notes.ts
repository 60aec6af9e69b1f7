// Notes beside the verdict. Brief spikes: CQD classifies on averages, and so does the verdict, but
// a max* field far above a good average is the moment the user remembers ("it froze for a
// moment"). What was measured: the verdict says what it rests on, and too little is no verdict.
import type { StreamAssessment } from './classify.js';
import { durationMs } from './duration.js';
import { num } from './read.js';
import { breachesKey } from './thresholds.js';
import type { ThresholdKey, Thresholds } from './thresholds.js';
import type { Evidence, Note, Side } from './types.js';
import { ms, percent, streamPhrase } from './wording.js';

interface Spike {
  readonly max: string;
  readonly average: string;
  readonly key: ThresholdKey;
  readonly averageKey: ThresholdKey;
  readonly read: (v: unknown) => number | null;
  readonly say: (value: number) => string;
}

const SPIKES: readonly Spike[] = [
  { max: 'maxPacketLossRate', average: 'averagePacketLossRate', key: 'spike.packetLossRate', averageKey: 'audio.packetLossRate', read: num, say: (v) => `up to ${percent(v)} of its packets were lost` },
  { max: 'maxJitter', average: 'averageJitter', key: 'spike.jitterMs', averageKey: 'audio.jitterMs', read: durationMs, say: (v) => `jitter reached ${ms(v)}` },
  { max: 'maxAudioNetworkJitter', average: 'averageAudioNetworkJitter', key: 'spike.jitterMs', averageKey: 'audio.jitterMs', read: durationMs, say: (v) => `network jitter reached ${ms(v)}` },
  { max: 'maxRoundTripTime', average: 'averageRoundTripTime', key: 'spike.roundTripMs', averageKey: 'audio.roundTripMs', read: durationMs, say: (v) => `the round trip reached ${ms(v)}` },
  { max: 'maxRatioOfConcealedSamples', average: 'averageRatioOfConcealedSamples', key: 'spike.concealedRatio', averageKey: 'audio.concealedRatio', read: num, say: (v) => `up to ${percent(v)} of it had to be concealed` },
];

const MAX_SPIKE_NOTES = 3;

function sideOf(a: StreamAssessment): Side {
  const sender = a.view.sender;
  if (a.view.betweenServices) return 'service';
  if (!sender || sender.side === 'service') return 'unknown';
  return sender.side;
}

/** A max* far above an average that stayed within its limit, on a stream that shaped the call. */
export function spikeNotes(assessments: Iterable<StreamAssessment>, thresholds: Thresholds): Note[] {
  const notes: Note[] = [];
  for (const a of assessments) {
    if (!a.view.relevant || a.classification === 'unclassified') continue;
    const s = a.view.stream;
    let said: string[] | null = null;
    let facts: Evidence[] | null = null;
    for (const spike of SPIKES) {
      const raw = s[spike.max];
      if (raw === undefined || raw === null) continue;
      const max = spike.read(raw);
      // Every spike limit is "at least": compare directly, this runs for every max* of every stream.
      if (max === null || max < thresholds[spike.key]) continue;
      const average = spike.read(s[spike.average]);
      if (average !== null && breachesKey(average, spike.averageKey, thresholds)) continue;
      said ??= [];
      facts ??= [];
      said.push(`${spike.say(max)}${average !== null ? ` (average ${spike.read === num ? percent(average) : ms(average)})` : ''}`);
      facts.push({ field: `${a.view.path}.${spike.max}`, value: max, threshold: thresholds[spike.key] }, ...(average !== null ? [{ field: `${a.view.path}.${spike.average}`, value: average }] : []));
    }
    if (!said || !facts) continue;
    const phrase = streamPhrase(a.view);
    notes.push({
      code: 'brief-spike',
      side: sideOf(a),
      text: `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} was fine on average but spiked briefly: ${said.join('; ')}. A moment like that sounds like a freeze or a robotic voice, though the averages that decide the verdict stayed within Microsoft's thresholds`,
      facts,
    });
  }
  return notes.sort((x, y) => y.facts.length - x.facts.length).slice(0, MAX_SPIKE_NOTES);
}

export interface Measured {
  /** Measured metric values on the classified streams that shaped the call. */
  readonly values: number;
  readonly streams: number;
  /** "4 streams measured (audio and video, what you sent and what you received)". */
  readonly phrase: string;
  /** "averageJitter 5 ms on 1 audio stream of 25 s", for an answer that has too little (built only when asked). */
  readonly detail: () => string;
}

const KIND: Record<string, string> = { audio: 'audio', video: 'video', screenSharing: 'screen sharing', unknown: 'media' };

const counted = (m: { value: number | null; threshold: number | null; name: string }): boolean => m.value !== null && m.threshold !== null && m.name !== 'packetUtilization';

export function measuredOf(assessments: readonly StreamAssessment[]): Measured {
  const used: StreamAssessment[] = [];
  let values = 0;
  const kindSet = new Set<string>();
  const waySet = new Set<string>();
  for (const a of assessments) {
    if (!a.view.relevant || a.classification === 'unclassified') continue;
    used.push(a);
    for (const m of a.metrics) if (counted(m)) values++;
    kindSet.add(KIND[a.view.kind] ?? 'media');
    waySet.add(a.view.relative === 'sent' ? 'what you sent' : a.view.relative === 'received' ? 'what you received' : 'what others sent the meeting');
  }
  const kinds = [...kindSet];
  const ways = [...waySet];
  const list = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]!}`);
  const phrase = used.length === 0 ? 'no stream was measured' : `${used.length} stream${used.length === 1 ? '' : 's'} measured (${list(kinds)}: ${list(ways)})`;
  const detail = (): string => {
    if (used.length === 0) return 'no stream carried enough measurements (or enough packets) to classify';
    const figures = used.flatMap((a) => a.metrics.filter(counted).map((m) => `${m.name} ${m.unit === 'fraction' ? percent(m.value!) : `${Math.round(m.value! * 10) / 10} ${m.unit}`}`));
    const secs = used.map((a) => a.view.durationSeconds).filter((x): x is number => x !== null);
    const length = secs.length > 0 ? ` over ${Math.round(Math.max(...secs))} s` : '';
    return `the record measured only ${figures.slice(0, 4).join(', ') || 'no metric'} on ${phrase.replace(' measured', '')}${length}`;
  };
  return { values, streams: used.length, phrase, detail };
}
