// Result types of the quality patterns: one user's "My quality" across their own calls, and a
// team's aggregates for the channel view. Pure data, browser-safe: the tab, its API and the bot
// all read these.
import type { CauseCode, Verdict } from '../types.js';

export type ConnectionType = 'wired' | 'wifi' | 'mobile' | 'tunnel' | 'unknown';
export type WifiBand = '2.4 GHz' | '5 GHz' | '6 GHz' | 'unknown';
export type TimeOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** What one diagnosed call looked like from the user's own endpoint: the input of both computations. */
export interface CallObservation {
  readonly callId: string;
  readonly startDateTime: string;
  /** Hour 0..23 in the user's time zone (the caller decides which zone). */
  readonly localHour: number;
  readonly verdict: Verdict;
  /** Every cause the diagnosis found, most likely first. */
  readonly causes: readonly CauseCode[];
  /** The causes on the user's own side: the ones they can act on. */
  readonly ownCauses: readonly CauseCode[];
  readonly connectionType: ConnectionType;
  /** null when the user was not on Wi-Fi. */
  readonly wifiBand: WifiBand | null;
  /** null when the record does not say. */
  readonly vpn: boolean | null;
  /** Capture (microphone) device name, e.g. "Surface Laptop Microphone"; null when unknown. */
  readonly device: string | null;
  /** Client product and platform, e.g. "Teams desktop (Windows)"; null when unknown. */
  readonly client: string | null;
  /** The user's subnet as the record gives it; only ever shown masked (see maskSubnet). */
  readonly subnet: string | null;
  /** True when at least one of the user's audio streams counted as poor by CQD. */
  readonly poorAudioStreams: number;
  readonly audioStreams: number;
}

/** One bucket of a breakdown: "calls on 2.4 GHz Wi-Fi: 9, of which 7 poor (78%)". */
export interface RateRow {
  readonly key: string;
  /** Words for the bucket, e.g. "2.4 GHz Wi-Fi", "mornings (6-12)". */
  readonly label: string;
  readonly calls: number;
  /** Poor includes dropped and failed set-ups: every call that went wrong. */
  readonly poor: number;
  readonly dropped: number;
  readonly poorRate: number;
  readonly droppedRate: number;
}

export type Dimension = 'connectionType' | 'wifiBand' | 'vpn' | 'device' | 'client' | 'timeOfDay';

export interface RecurringCause {
  readonly code: CauseCode;
  /** The dimension and bucket most poor calls share, when one stands out; null when the cause alone recurs. */
  readonly dimension: Dimension | null;
  readonly bucket: string | null;
  /** Poor calls that share it, and all poor calls. */
  readonly count: number;
  readonly ofPoor: number;
  /** "7 of your 9 poor calls were on 2.4 GHz Wi-Fi." */
  readonly sentence: string;
  /** "Switch to 5 GHz or use a cable." */
  readonly advice: string;
}

export interface MyQuality {
  readonly calls: number;
  readonly poor: number;
  readonly dropped: number;
  readonly poorRate: number;
  readonly droppedRate: number;
  readonly by: Readonly<Record<Dimension, readonly RateRow[]>>;
  /** The pattern worth acting on, or null when there is none (too few poor calls, or nothing in common). */
  readonly recurring: RecurringCause | null;
  /** Plain-language headline for the bot and the tab. */
  readonly headline: string;
}

/** Microsoft's published targets the team view compares with (reference: graph-callrecords.md). */
export interface QualityTargets {
  readonly poorAudioStreamRate: number;
  readonly setupFailureRate: number;
  readonly dropRate: number;
}

export interface TeamPeriodRow {
  /** ISO date (UTC) of the day or week start. */
  readonly start: string;
  readonly calls: number;
  readonly poorRate: number;
  readonly droppedRate: number;
}

export interface TeamMetric {
  readonly value: number;
  readonly target: number;
  readonly meetsTarget: boolean;
}

export interface TeamQualityShown {
  readonly withheld: false;
  readonly people: number;
  readonly calls: number;
  readonly poorAudioStreams: TeamMetric;
  readonly setupFailures: TeamMetric;
  readonly drops: TeamMetric;
  readonly poorRate: number;
  readonly overTime: readonly TeamPeriodRow[];
  readonly topCauses: readonly { readonly code: CauseCode; readonly calls: number; readonly share: number }[];
  readonly connectionTypes: readonly RateRow[];
  readonly wifiBands: readonly RateRow[];
  /** Subnets masked to their /24 (IPv4) or /48 (IPv6) prefix, worst first. */
  readonly subnets: readonly RateRow[];
}

export interface TeamQualityWithheld {
  readonly withheld: true;
  readonly people: number;
  readonly minimumPeople: number;
  /** "This team has 3 people with calls; Call Doctor shows aggregates only over 5 or more, so no one can be singled out." */
  readonly reason: string;
}

export type TeamQuality = TeamQualityShown | TeamQualityWithheld;
