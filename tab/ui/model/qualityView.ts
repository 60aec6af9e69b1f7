// Quality patterns for display: My quality's breakdowns (poor and dropped rates by connection,
// Wi-Fi band, VPN, device, client and time of day) and the team's aggregates against Microsoft's
// targets. The numbers come from diagnosis/patterns through the API; this only words and orders them.
import type { Dimension, RateRow, TeamQualityShown } from '../api/types.js';

export const DIMENSIONS: readonly { readonly key: Dimension; readonly title: string }[] = [
  { key: 'connectionType', title: 'By connection' },
  { key: 'wifiBand', title: 'By Wi-Fi band' },
  { key: 'vpn', title: 'VPN' },
  { key: 'device', title: 'By microphone' },
  { key: 'client', title: 'By Teams client' },
  { key: 'timeOfDay', title: 'By time of day' },
];

const BUCKETS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  connectionType: { wired: 'Wired', wifi: 'Wi-Fi', mobile: 'Mobile data', tunnel: 'VPN tunnel', unknown: 'Unknown' },
  vpn: { true: 'On VPN', false: 'Not on VPN', unknown: 'Unknown', null: 'Unknown' },
  timeOfDay: { morning: 'Morning (6–12)', afternoon: 'Afternoon (12–18)', evening: 'Evening (18–23)', night: 'Night (23–6)' },
};

export function bucketLabel(dimension: string, key: string): string {
  return BUCKETS[dimension]?.[key] ?? key;
}

export function rate(fraction: number): string {
  const p = fraction * 100;
  return `${p >= 10 || Number.isInteger(p) ? Math.round(p) : p.toFixed(1)}%`;
}

export interface RateRowView {
  readonly label: string;
  readonly calls: number;
  readonly poor: string;
  readonly dropped: string;
  /** The bucket with the highest poor rate (over at least two calls), marked in text. */
  readonly worst: boolean;
}

/** Worst first (poor rate, then calls), so the bucket to act on is on top. */
export function rateRowViews(dimension: string, rows: readonly RateRow[]): RateRowView[] {
  const sorted = [...rows].sort((a, b) => b.poorRate - a.poorRate || b.calls - a.calls || a.key.localeCompare(b.key));
  const worstKey = sorted.find((r) => r.calls >= 2 && r.poor > 0)?.key;
  return sorted.map((r) => ({
    label: r.label || bucketLabel(dimension, r.key),
    calls: r.calls,
    poor: `${r.poor} (${rate(r.poorRate)})`,
    dropped: `${r.dropped} (${rate(r.droppedRate)})`,
    worst: r.key === worstKey && sorted.length > 1,
  }));
}

export interface TargetView {
  readonly label: string;
  readonly value: string;
  readonly target: string;
  readonly meets: boolean;
  /** "meets Microsoft's target" or "misses Microsoft's target": never colour alone. */
  readonly verdict: string;
}

export function targetViews(team: TeamQualityShown): TargetView[] {
  const row = (label: string, m: TeamQualityShown['drops']): TargetView => ({
    label,
    value: rate(m.value),
    target: `under ${rate(m.target)}`,
    meets: m.meetsTarget,
    verdict: m.meetsTarget ? "meets Microsoft's target" : "misses Microsoft's target",
  });
  return [row('Poor audio streams', team.poorAudioStreams), row('Setup failures', team.setupFailures), row('Dropped calls', team.drops)];
}
