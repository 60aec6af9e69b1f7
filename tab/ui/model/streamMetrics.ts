// Stream colouring: every metric the tab shows for a media stream, with its value, its class
// (good / borderline / poor against the CQD threshold table in diagnosis/thresholds.ts) and the
// words a tooltip and a screen reader need, so colour is never the only signal.
import { THRESHOLD_TABLE, type ThresholdKey, type Thresholds } from '../../../diagnosis/index.js';
import { breaches, type Comparison } from '../../../diagnosis/thresholds.js';
import { durationMs } from '../../../diagnosis/duration.js';
import { num, type Json } from './json.js';

export type CellClass = 'good' | 'borderline' | 'poor' | 'unclassified';

/**
 * A value on the good side but within this share of its threshold is shown as borderline. CQD
 * itself is binary (good or poor); this display rule warns before a value crosses the line.
 */
export const BORDERLINE_MARGIN = 0.25;

export type StreamKind = 'audio' | 'video' | 'screenSharing' | 'unknown';

export interface MetricCell {
  /** Graph mediaStream field. */
  readonly field: string;
  readonly label: string;
  readonly value: number | null;
  /** Formatted value with unit, or "n/a". */
  readonly display: string;
  readonly cls: CellClass;
  readonly thresholdKey: ThresholdKey | null;
  readonly threshold: number | null;
  /** "Poor: above the CQD threshold of 30 ms (source)", or why there is no class. */
  readonly tooltip: string;
  /** "Jitter 45 ms, poor" for screen readers and tests. */
  readonly accessibleName: string;
}

export type Unit = 'ms' | 'fraction' | 'percent' | 'mos' | 'bps' | 'fps' | 'count';

interface MetricSpec {
  readonly field: string;
  readonly label: string;
  readonly unit: Unit;
  readonly duration?: boolean;
  /** Threshold by stream kind; null when CQD has none for this kind. */
  readonly key: (kind: StreamKind) => ThresholdKey | null;
}

const audioOnly = (key: ThresholdKey) => (kind: StreamKind) => (kind === 'audio' ? key : null);

/** The metrics the tab shows per stream, in display order. */
export const METRIC_SPECS: readonly MetricSpec[] = [
  { field: 'averageJitter', label: 'Jitter', unit: 'ms', duration: true, key: audioOnly('audio.jitterMs') },
  { field: 'averagePacketLossRate', label: 'Packet loss', unit: 'fraction', key: audioOnly('audio.packetLossRate') },
  { field: 'averageRoundTripTime', label: 'Round trip', unit: 'ms', duration: true, key: audioOnly('audio.roundTripMs') },
  { field: 'averageRatioOfConcealedSamples', label: 'Concealed ratio', unit: 'fraction', key: audioOnly('audio.concealedRatio') },
  { field: 'averageAudioDegradation', label: 'Audio degradation', unit: 'mos', key: audioOnly('audio.degradation') },
  { field: 'averageBandwidthEstimate', label: 'Bandwidth estimate', unit: 'bps', key: () => 'network.bandwidthEstimateBps' },
  {
    field: 'averageVideoFrameRate',
    label: 'Frame rate',
    unit: 'fps',
    key: (kind) => (kind === 'video' ? 'video.frameRate' : kind === 'screenSharing' ? 'vbss.frameRate' : null),
  },
  { field: 'averageVideoFrameLossPercentage', label: 'Frame loss', unit: 'percent', key: (kind) => (kind === 'audio' ? null : 'video.frameLossPercent') },
  { field: 'averageFreezeDuration', label: 'Freezes', unit: 'ms', duration: true, key: (kind) => (kind === 'audio' ? null : 'video.freezeMs') },
];

/** Average / maximum pairs a chart can draw against the threshold. */
export const MAX_FIELDS: Readonly<Record<string, string>> = {
  averageJitter: 'maxJitter',
  averagePacketLossRate: 'maxPacketLossRate',
  averageRoundTripTime: 'maxRoundTripTime',
  averageRatioOfConcealedSamples: 'maxRatioOfConcealedSamples',
};

export function readMetric(stream: Json, field: string, duration: boolean): number | null {
  return duration ? durationMs(stream[field]) : num(stream[field]);
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${Math.round(value)} ms`;
    case 'fraction':
      return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
    case 'percent':
      return `${value.toFixed(value < 10 ? 1 : 0)}%`;
    case 'mos':
      return `${value.toFixed(2)} MOS`;
    case 'bps':
      return value >= 1_000_000 ? `${(value / 1_000_000).toFixed(1)} Mbps` : `${Math.round(value / 1000)} kbps`;
    case 'fps':
      return `${value.toFixed(1)} fps`;
    case 'count':
      return String(value);
  }
}

const COMPARISON_WORDS: Readonly<Record<Comparison, string>> = { above: 'above', below: 'below', atLeast: 'at or above', atMost: 'at or below' };

/** Good, borderline (good but within BORDERLINE_MARGIN of the threshold) or poor. */
export function classify(value: number, threshold: number, comparison: Comparison): Exclude<CellClass, 'unclassified'> {
  if (breaches(value, threshold, comparison)) return 'poor';
  const near = comparison === 'above' || comparison === 'atLeast' ? value >= threshold * (1 - BORDERLINE_MARGIN) : value <= threshold * (1 + BORDERLINE_MARGIN);
  return near ? 'borderline' : 'good';
}

function thresholdText(key: ThresholdKey, threshold: number): string {
  const def = THRESHOLD_TABLE[key];
  return `${COMPARISON_WORDS[def.comparison]} ${formatThreshold(threshold, def.unit)}`;
}

function formatThreshold(value: number, unit: string): string {
  if (unit === 'fraction') return `${+(value * 100).toFixed(2)}%`;
  if (unit === '%') return `${value}%`;
  return `${value} ${unit}`;
}

const CLASS_WORDS: Readonly<Record<CellClass, string>> = { good: 'good', borderline: 'borderline', poor: 'poor', unclassified: 'not classified' };

export function classWord(cls: CellClass): string {
  return CLASS_WORDS[cls];
}

export function metricCell(stream: Json, spec: MetricSpec, kind: StreamKind, thresholds: Thresholds): MetricCell {
  const value = readMetric(stream, spec.field, spec.duration ?? false);
  return valueCell(spec.field, spec.label, value, spec.unit, spec.key(kind), thresholds);
}

/** One value with its class against a threshold key (or none), its tooltip and its accessible name. */
export function valueCell(field: string, label: string, value: number | null, unit: Unit, key: ThresholdKey | null, thresholds: Thresholds): MetricCell {
  const display = formatValue(value, unit);
  const threshold = key ? thresholds[key] : null;
  let cls: CellClass = 'unclassified';
  let tooltip: string;
  if (value === null) {
    tooltip = 'Not reported in the call record.';
  } else if (key === null || threshold === null) {
    tooltip = 'No CQD threshold for this metric here.';
  } else {
    const def = THRESHOLD_TABLE[key];
    cls = classify(value, threshold, def.comparison);
    const poorWhen = `poor when ${thresholdText(key, threshold)}`;
    const detail =
      cls === 'borderline' ? `within ${BORDERLINE_MARGIN * 100}% of the threshold (Call Doctor's warning band; CQD itself calls it good)` : cls === 'poor' ? 'crosses the threshold' : 'well inside the threshold';
    tooltip = `${capitalise(CLASS_WORDS[cls])}: ${detail}; ${poorWhen}. Source: ${def.source}.`;
  }
  return { field, label, value, display, cls, thresholdKey: key, threshold, tooltip, accessibleName: `${label} ${display}, ${CLASS_WORDS[cls]}` };
}

/** Every metric of one stream that applies to its kind (audio shows no frame rate; video no concealment). */
export function streamCells(stream: Json, kind: StreamKind, thresholds: Thresholds): MetricCell[] {
  return METRIC_SPECS.filter((spec) => appliesTo(spec, kind)).map((spec) => metricCell(stream, spec, kind, thresholds));
}

function appliesTo(spec: MetricSpec, kind: StreamKind): boolean {
  const audioFields = ['averageRatioOfConcealedSamples', 'averageAudioDegradation'];
  const videoFields = ['averageVideoFrameRate', 'averageVideoFrameLossPercentage', 'averageFreezeDuration'];
  if (kind === 'audio') return !videoFields.includes(spec.field);
  if (kind === 'video' || kind === 'screenSharing') return !audioFields.includes(spec.field);
  return true;
}

/** The worst class among cells: poor beats borderline beats good; all unclassified stays unclassified. */
export function worstClass(cells: readonly { readonly cls: CellClass }[]): CellClass {
  const order: CellClass[] = ['poor', 'borderline', 'good'];
  return order.find((cls) => cells.some((cell) => cell.cls === cls)) ?? 'unclassified';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
