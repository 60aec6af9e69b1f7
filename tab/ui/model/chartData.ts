// Chart data: for one metric, each stream's average and maximum next to the threshold, so a
// spike that the average hides reads at a glance.
import type { Thresholds } from '../../../diagnosis/index.js';
import { MAX_FIELDS, METRIC_SPECS, readMetric } from './streamMetrics.js';
import type { StreamView } from './timeline.js';

export interface ChartGroup {
  readonly name: string;
  readonly average: number;
  readonly maximum: number | null;
  readonly threshold: number | null;
}

export interface MetricChart {
  readonly field: string;
  readonly title: string;
  readonly unit: string;
  readonly groups: readonly ChartGroup[];
}

const SCALE: Readonly<Record<string, { unit: string; factor: number }>> = {
  ms: { unit: 'ms', factor: 1 },
  fraction: { unit: '%', factor: 100 },
};

/** One chart per metric that has an average/maximum pair and data on at least one stream. */
export function metricCharts(streams: readonly StreamView[], thresholds: Thresholds): MetricChart[] {
  const charts: MetricChart[] = [];
  for (const [field, maxField] of Object.entries(MAX_FIELDS)) {
    const spec = METRIC_SPECS.find((s) => s.field === field);
    if (!spec) continue;
    const scale = SCALE[spec.unit] ?? { unit: spec.unit, factor: 1 };
    const groups: ChartGroup[] = [];
    for (const stream of streams) {
      const average = readMetric(stream.raw, field, spec.duration ?? false);
      if (average === null) continue;
      const maximum = readMetric(stream.raw, maxField, spec.duration ?? false);
      const key = spec.key(stream.kind);
      const threshold = key ? thresholds[key] : null;
      groups.push({
        name: stream.label,
        average: round(average * scale.factor),
        maximum: maximum === null ? null : round(maximum * scale.factor),
        threshold: threshold === null ? null : round(threshold * scale.factor),
      });
    }
    if (groups.length) charts.push({ field, title: `${spec.label}: average and maximum per stream against the CQD threshold`, unit: scale.unit, groups });
  }
  return charts;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

