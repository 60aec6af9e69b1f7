import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, resolveThresholds, THRESHOLD_TABLE } from '../../../diagnosis/index.js';
import { BORDERLINE_MARGIN, classify, metricCell, METRIC_SPECS, streamCells, worstClass, type StreamKind } from './streamMetrics.js';

const iso = (ms: number) => `PT${ms / 1000}S`;

// Every metric with a threshold, on a kind it applies to, checked against diagnosis/thresholds.ts.
const cases = METRIC_SPECS.flatMap((spec) =>
  (['audio', 'video', 'screenSharing'] as StreamKind[]).flatMap((kind) => {
    const key = spec.key(kind);
    return key ? [{ spec, kind, key }] : [];
  }),
);

describe('stream colouring against the CQD thresholds table', () => {
  it('covers jitter, loss, round trip, concealment, degradation, bandwidth, frame rate, frame loss and freezes', () => {
    expect(cases.map((c) => c.spec.field)).toEqual(
      expect.arrayContaining([
        'averageJitter',
        'averagePacketLossRate',
        'averageRoundTripTime',
        'averageRatioOfConcealedSamples',
        'averageAudioDegradation',
        'averageBandwidthEstimate',
        'averageVideoFrameRate',
        'averageVideoFrameLossPercentage',
        'averageFreezeDuration',
      ]),
    );
  });

  for (const { spec, kind, key } of cases) {
    const def = THRESHOLD_TABLE[key];
    const t = def.value;
    const worse = def.comparison === 'above' || def.comparison === 'atLeast' ? t * 1.5 : t * 0.5;
    const near = def.comparison === 'above' || def.comparison === 'atLeast' ? t * (1 - BORDERLINE_MARGIN / 2) : t * (1 + BORDERLINE_MARGIN / 2);
    const far = def.comparison === 'above' || def.comparison === 'atLeast' ? t * 0.2 : t * 3;
    const raw = (v: number) => ({ [spec.field]: spec.duration ? iso(v) : v });
    it(`${kind} ${spec.field} (${key}, ${def.comparison} ${t} ${def.unit})`, () => {
      const poor = metricCell(raw(worse), spec, kind, DEFAULT_THRESHOLDS);
      expect(poor.cls).toBe('poor');
      expect(poor.tooltip).toContain(def.source);
      expect(poor.accessibleName).toMatch(/, poor$/);
      expect(metricCell(raw(near), spec, kind, DEFAULT_THRESHOLDS).cls).toBe('borderline');
      const good = metricCell(raw(far), spec, kind, DEFAULT_THRESHOLDS);
      expect(good.cls).toBe('good');
      expect(good.accessibleName).toMatch(/, good$/);
    });
  }

  it('is exactly at the edge where diagnosis/ says so: audio jitter of 30 ms is not poor, 31 ms is', () => {
    expect(classify(30, 30, 'above')).toBe('borderline');
    expect(classify(31, 30, 'above')).toBe('poor');
    expect(classify(0.005, 0.005, 'atLeast')).toBe('poor');
  });

  it('follows CQD_THRESHOLDS overrides: 35 ms jitter is poor by default and good under a 60 ms threshold', () => {
    const spec = METRIC_SPECS.find((s) => s.field === 'averageJitter')!;
    expect(metricCell({ averageJitter: 'PT0.035S' }, spec, 'audio', DEFAULT_THRESHOLDS).cls).toBe('poor');
    const relaxed = metricCell({ averageJitter: 'PT0.035S' }, spec, 'audio', resolveThresholds({ 'audio.jitterMs': 60 }));
    expect(relaxed.cls).toBe('good');
    expect(relaxed.tooltip).toContain('above 60 ms');
  });

  it('shows a value it cannot class as "not classified", and a missing one as n/a', () => {
    const audio = streamCells({ averageJitter: 'PT0.01S' }, 'audio', DEFAULT_THRESHOLDS);
    expect(audio.find((c) => c.field === 'averageJitter')).toMatchObject({ display: '10 ms', cls: 'good' });
    expect(audio.find((c) => c.field === 'averagePacketLossRate')).toMatchObject({ display: 'n/a', cls: 'unclassified', accessibleName: 'Packet loss n/a, not classified' });
    // CQD has no jitter threshold for video: shown, but not coloured.
    const video = streamCells({ averageJitter: 'PT0.09S' }, 'video', DEFAULT_THRESHOLDS);
    expect(video.find((c) => c.field === 'averageJitter')?.cls).toBe('unclassified');
    expect(video.some((c) => c.field === 'averageRatioOfConcealedSamples')).toBe(false);
    expect(audio.some((c) => c.field === 'averageVideoFrameRate')).toBe(false);
  });

  it('formats loss as a percentage and the worst cell wins', () => {
    const cells = streamCells({ averagePacketLossRate: 0.13, averageJitter: 'PT0.025S', averageRoundTripTime: 'PT0.05S' }, 'audio', DEFAULT_THRESHOLDS);
    expect(cells.find((c) => c.field === 'averagePacketLossRate')?.display).toBe('13%');
    expect(worstClass(cells)).toBe('poor');
    expect(worstClass(cells.filter((c) => c.field !== 'averagePacketLossRate'))).toBe('borderline');
    expect(worstClass([])).toBe('unclassified');
  });
});
