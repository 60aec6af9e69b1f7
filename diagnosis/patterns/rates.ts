// Breakdowns of calls into buckets with their poor and dropped rates, shared by My quality and
// the team view.
import type { Verdict } from '../types.js';
import type { CallObservation, ConnectionType, Dimension, RateRow, TimeOfDay, WifiBand } from './types.js';

/** Poor counts every call that went wrong: poor quality, dropped and failed set-ups. */
export const BAD_VERDICTS: ReadonlySet<Verdict> = new Set(['poor', 'dropped', 'setup-failed']);
export const isBad = (o: CallObservation): boolean => BAD_VERDICTS.has(o.verdict);

export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

const CONNECTION_LABELS: Readonly<Record<ConnectionType, string>> = { wired: 'wired network', wifi: 'Wi-Fi', mobile: 'mobile data', tunnel: 'VPN tunnel', unknown: 'unknown connection' };
const TIME_LABELS: Readonly<Record<TimeOfDay, string>> = { morning: 'mornings (6:00-12:00)', afternoon: 'afternoons (12:00-18:00)', evening: 'evenings (18:00-22:00)', night: 'nights (22:00-6:00)' };

export function timeOfDay(hour: number): TimeOfDay {
  if (hour >= 6 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  if (hour >= 18 && hour < 22) return 'evening';
  return 'night';
}

/** The bucket of an observation on a dimension (key and words), or null when it has none there. */
export function bucketOf(o: CallObservation, dimension: Dimension): { key: string; label: string } | null {
  switch (dimension) {
    case 'connectionType':
      return { key: o.connectionType, label: CONNECTION_LABELS[o.connectionType] };
    case 'wifiBand':
      return o.wifiBand === null ? null : { key: o.wifiBand, label: bandLabel(o.wifiBand) };
    case 'vpn':
      return o.vpn === null ? null : o.vpn ? { key: 'vpn', label: 'VPN' } : { key: 'noVpn', label: 'no VPN' };
    case 'device':
      return o.device === null ? null : { key: o.device, label: o.device };
    case 'client':
      return o.client === null ? null : { key: o.client, label: o.client };
    case 'timeOfDay': {
      const t = timeOfDay(o.localHour);
      return { key: t, label: TIME_LABELS[t] };
    }
  }
}

function bandLabel(band: WifiBand): string {
  return band === 'unknown' ? 'Wi-Fi of unknown band' : `${band} Wi-Fi`;
}

/** Rows per bucket, the worst (highest poor rate, then most calls) first. */
export function breakdown(observations: readonly CallObservation[], keyOf: (o: CallObservation) => { key: string; label: string } | null): RateRow[] {
  const rows = new Map<string, { label: string; calls: number; poor: number; dropped: number }>();
  for (const o of observations) {
    const bucket = keyOf(o);
    if (!bucket) continue;
    const row = rows.get(bucket.key) ?? { label: bucket.label, calls: 0, poor: 0, dropped: 0 };
    row.calls += 1;
    if (isBad(o)) row.poor += 1;
    if (o.verdict === 'dropped') row.dropped += 1;
    rows.set(bucket.key, row);
  }
  return [...rows.entries()]
    .map(([key, r]) => ({ key, label: r.label, calls: r.calls, poor: r.poor, dropped: r.dropped, poorRate: rate(r.poor, r.calls), droppedRate: rate(r.dropped, r.calls) }))
    .sort((a, b) => b.poorRate - a.poorRate || b.calls - a.calls || a.key.localeCompare(b.key));
}

export function percentText(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
