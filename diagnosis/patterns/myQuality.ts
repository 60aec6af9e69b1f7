// "My quality": where and how one user's own calls go bad, across their last 30 days, and the one
// pattern worth acting on ("7 of your 9 poor calls were on 2.4 GHz Wi-Fi; switch to 5 GHz").
import { ACTIONS } from '../advice.js';
import type { CauseCode } from '../types.js';
import { breakdown, bucketOf, isBad, percentText, rate } from './rates.js';
import type { CallObservation, Dimension, MyQuality, RateRow, RecurringCause } from './types.js';
import { causePhrase } from './wording.js';

export const DIMENSIONS: readonly Dimension[] = ['connectionType', 'wifiBand', 'vpn', 'device', 'client', 'timeOfDay'];

/** Fewer poor calls than this make no pattern: two bad calls are bad luck. */
export const MIN_POOR_FOR_PATTERN = 3;

/** Root conditions, preferred over the symptoms they cause when both recur as often. */
const CONDITIONS: ReadonlySet<CauseCode> = new Set(['wifi-2.4ghz', 'wifi-weak-signal', 'vpn', 'mobile-network', 'tcp-fallback', 'congested-network', 'mic-not-working', 'speaker-not-working', 'speaker-muted', 'cpu-overload']);

/** Causes tied to one bucket of one dimension, so the sentence can say where. */
const CAUSE_BUCKET: Partial<Record<CauseCode, { dimension: Dimension; key: string }>> = {
  'wifi-2.4ghz': { dimension: 'wifiBand', key: '2.4 GHz' },
  'wifi-weak-signal': { dimension: 'connectionType', key: 'wifi' },
  vpn: { dimension: 'vpn', key: 'vpn' },
  'mobile-network': { dimension: 'connectionType', key: 'mobile' },
};

export function myQuality(observations: readonly CallObservation[]): MyQuality {
  const calls = observations.length;
  const poor = observations.filter(isBad).length;
  const dropped = observations.filter((o) => o.verdict === 'dropped').length;
  const by = Object.fromEntries(DIMENSIONS.map((d) => [d, breakdown(observations, (o) => bucketOf(o, d))])) as Record<Dimension, RateRow[]>;
  const recurring = recurringCause(observations);
  return { calls, poor, dropped, poorRate: rate(poor, calls), droppedRate: rate(dropped, calls), by, recurring, headline: headline(calls, poor, dropped, recurring) };
}

function headline(calls: number, poor: number, dropped: number, recurring: RecurringCause | null): string {
  if (calls === 0) return 'You have no calls in the last 30 days that Call Doctor can see yet.';
  if (poor === 0) return `All ${calls} of your calls in the last 30 days went well.`;
  const drops = dropped > 0 ? `, ${dropped} of them dropped` : '';
  const overall = `${poor} of your ${calls} calls in the last 30 days were poor or failed (${percentText(poor / calls)})${drops}.`;
  return recurring ? `${overall} ${recurring.sentence}` : `${overall} They have no single cause in common.`;
}

/** The cause most of the user's own poor calls share, with the bucket it lives in when there is one. */
export function recurringCause(observations: readonly CallObservation[]): RecurringCause | null {
  const bad = observations.filter(isBad);
  if (bad.length < MIN_POOR_FOR_PATTERN) return null;
  const counts = new Map<CauseCode, number>();
  for (const o of bad) for (const code of new Set(o.ownCauses)) counts.set(code, (counts.get(code) ?? 0) + 1);
  // Equal counts: a condition the user can change (the band, the VPN) explains more than the symptom it causes (jitter, loss).
  const ranked = [...counts.entries()].filter(([code]) => code !== 'no-quality-data').sort((a, b) => b[1] - a[1] || Number(CONDITIONS.has(b[0])) - Number(CONDITIONS.has(a[0])) || a[0].localeCompare(b[0]));
  const top = ranked[0];
  // A pattern is a cause behind at least a third of the poor calls (and more than one).
  if (!top || top[1] < 2 || top[1] * 3 < bad.length) return null;
  const [code] = top;
  const withCause = bad.filter((o) => o.ownCauses.includes(code));
  const place = placeOf(code, withCause, bad);
  const ofPoor = bad.length;
  const count = place ? place.count : withCause.length;
  const where = place ? place.phrase : causePhrase(code);
  return {
    code,
    dimension: place?.dimension ?? null,
    bucket: place?.key ?? null,
    count,
    ofPoor,
    sentence: `${count} of your ${ofPoor} poor calls ${where}.`,
    advice: `${ACTIONS[code].charAt(0).toUpperCase()}${ACTIONS[code].slice(1)}.`,
  };
}

interface Place {
  readonly dimension: Dimension;
  readonly key: string;
  readonly count: number;
  readonly phrase: string;
}

function placeOf(code: CauseCode, withCause: readonly CallObservation[], bad: readonly CallObservation[]): Place | null {
  const tied = CAUSE_BUCKET[code];
  if (tied) {
    const inBucket = bad.filter((o) => bucketOf(o, tied.dimension)?.key === tied.key);
    const label = inBucket[0] ? bucketOf(inBucket[0], tied.dimension)!.label : null;
    if (label && inBucket.length >= withCause.length) return { ...tied, count: inBucket.length, phrase: `were on ${label}` };
  }
  // Device causes live on a device: say which one when most of those calls share it.
  if (['mic-not-working', 'speaker-not-working', 'speaker-muted', 'audio-glitches', 'echo-howling', 'low-speech-level', 'mic-clipping', 'cpu-overload'].includes(code)) {
    const row = breakdown(withCause, (o) => bucketOf(o, 'device'))[0];
    if (row && row.calls * 2 > withCause.length) return { dimension: 'device', key: row.key, count: row.calls, phrase: `${causePhrase(code)} on ${row.label}` };
  }
  return null;
}
