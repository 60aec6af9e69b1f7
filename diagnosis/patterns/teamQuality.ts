// The channel view: a team's call quality as aggregates only, compared with Microsoft's targets.
// No row ever describes fewer than MINIMUM_PEOPLE people: a team with fewer is withheld whole, and
// a bucket (a connection type, a band, a subnet) with fewer is folded into "other".
import type { CauseCode } from '../types.js';
import { maskSubnet } from './maskSubnet.js';
import { breakdown, bucketOf, isBad, rate } from './rates.js';
import type { CallObservation, QualityTargets, RateRow, TeamMetric, TeamPeriodRow, TeamQuality } from './types.js';

export const MINIMUM_PEOPLE = 5;

/** Microsoft's targets (reference graph-callrecords.md): poor audio streams, setup failures, drops. */
export const MICROSOFT_TARGETS: QualityTargets = { poorAudioStreamRate: 0.03, setupFailureRate: 0.01, dropRate: 0.03 };

/** One call of one team member; `person` is an opaque key used only to count people, never shown. */
export interface PersonObservation {
  readonly person: string;
  readonly observation: CallObservation;
}

export interface TeamQualityOptions {
  readonly now: Date;
  readonly days: number;
  readonly targets?: QualityTargets;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const OTHER_KEY = 'other';

export function teamQuality(rows: readonly PersonObservation[], options: TeamQualityOptions): TeamQuality {
  const targets = options.targets ?? MICROSOFT_TARGETS;
  const people = new Set(rows.map((r) => r.person)).size;
  if (people < MINIMUM_PEOPLE) {
    return {
      withheld: true,
      people,
      minimumPeople: MINIMUM_PEOPLE,
      reason: `Only ${people === 0 ? 'no one' : people === 1 ? '1 person' : `${people} people`} in this team had calls in this period. Call Doctor shows team figures only over ${MINIMUM_PEOPLE} or more people, so that no one's calls can be singled out.`,
    };
  }
  const observations = rows.map((r) => r.observation);
  const calls = observations.length;
  const setupFailed = observations.filter((o) => o.verdict === 'setup-failed').length;
  const dropped = observations.filter((o) => o.verdict === 'dropped').length;
  const audioStreams = observations.reduce((n, o) => n + o.audioStreams, 0);
  const poorAudio = observations.reduce((n, o) => n + o.poorAudioStreams, 0);
  const metric = (value: number, target: number): TeamMetric => ({ value, target, meetsTarget: value <= target });
  return {
    withheld: false,
    people,
    calls,
    poorAudioStreams: metric(rate(poorAudio, audioStreams), targets.poorAudioStreamRate),
    setupFailures: metric(rate(setupFailed, calls), targets.setupFailureRate),
    drops: metric(rate(dropped, calls), targets.dropRate),
    poorRate: rate(observations.filter(isBad).length, calls),
    overTime: overTime(observations, options),
    topCauses: topCauses(observations),
    connectionTypes: anonymous(rows, (o) => bucketOf(o, 'connectionType')),
    wifiBands: anonymous(rows, (o) => bucketOf(o, 'wifiBand')),
    subnets: anonymous(rows, (o) => {
      const masked = o.subnet === null ? null : maskSubnet(o.subnet);
      return masked === null ? null : { key: masked, label: masked };
    }),
  };
}

/** Day buckets for a week, week buckets for longer periods, oldest first, empty ones included. */
function overTime(observations: readonly CallObservation[], options: TeamQualityOptions): TeamPeriodRow[] {
  const step = (options.days <= 7 ? 1 : 7) * DAY_MS;
  const end = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate()) + DAY_MS;
  const start = end - Math.ceil((options.days * DAY_MS) / step) * step;
  const periods: TeamPeriodRow[] = [];
  for (let t = start; t < end; t += step) {
    const inPeriod = observations.filter((o) => {
      const at = Date.parse(o.startDateTime);
      return at >= t && at < t + step;
    });
    periods.push({
      start: new Date(t).toISOString().slice(0, 10),
      calls: inPeriod.length,
      poorRate: rate(inPeriod.filter(isBad).length, inPeriod.length),
      droppedRate: rate(inPeriod.filter((o) => o.verdict === 'dropped').length, inPeriod.length),
    });
  }
  return periods;
}

function topCauses(observations: readonly CallObservation[]): { code: CauseCode; calls: number; share: number }[] {
  const bad = observations.filter(isBad);
  const counts = new Map<CauseCode, number>();
  for (const o of bad) for (const code of new Set(o.causes)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([code, calls]) => ({ code, calls, share: rate(calls, bad.length) }));
}

/** A breakdown in which every bucket covers MINIMUM_PEOPLE people or more; smaller ones are merged into "other". */
function anonymous(rows: readonly PersonObservation[], keyOf: (o: CallObservation) => { key: string; label: string } | null): RateRow[] {
  const peopleIn = new Map<string, Set<string>>();
  for (const r of rows) {
    const bucket = keyOf(r.observation);
    if (!bucket) continue;
    const set = peopleIn.get(bucket.key) ?? new Set<string>();
    set.add(r.person);
    peopleIn.set(bucket.key, set);
  }
  const large = (key: string): boolean => (peopleIn.get(key)?.size ?? 0) >= MINIMUM_PEOPLE;
  const othersPeople = new Set(rows.filter((r) => { const b = keyOf(r.observation); return b !== null && !large(b.key); }).map((r) => r.person));
  const folded = breakdown(
    rows.map((r) => r.observation),
    (o) => {
      const bucket = keyOf(o);
      if (!bucket) return null;
      return large(bucket.key) ? bucket : { key: OTHER_KEY, label: 'others (each fewer than 5 people)' };
    },
  );
  // "other" itself may cover too few people to show.
  return folded.filter((row) => row.key !== OTHER_KEY || othersPeople.size >= MINIMUM_PEOPLE);
}
