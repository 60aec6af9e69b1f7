// Missing metrics: Graph marks every metric optional and the documentation examples leave many
// out. What the user sees must degrade to "unclassified" or to a weaker answer, never a wrong one.
import { describe, expect, it } from 'vitest';
import { diagnoseCall } from './diagnose.js';
import { ALICE, healthyAudio, peerToPeer } from './testing/recordBuilder.js';

type Fields = Record<string, unknown>;
const NO_METRICS: Fields = { averageAudioDegradation: null, averageJitter: null, averagePacketLossRate: null, averageRatioOfConcealedSamples: null, averageRoundTripTime: null };

function withoutKeys(record: Fields, path: (r: Fields) => Fields, keys: string[]): Fields {
  const target = path(record);
  for (const key of keys) delete target[key];
  return record;
}
const firstMedia = (r: Fields): Fields => ((((r.sessions as Fields[])[0]!.segments as Fields[])[0]!.media as Fields[])[0]!);

describe('missing metrics', () => {
  it('when no stream carries any CQD metric then the call is unclassified, not good', () => {
    const d = diagnoseCall(peerToPeer({ media: [{ callerToCallee: healthyAudio(NO_METRICS), calleeToCaller: healthyAudio(NO_METRICS) }] }), ALICE.id);
    expect(d.verdict).toBe('unclassified');
    expect(d.segments[0]!.streams.map((s) => s.classification)).toEqual(['unclassified', 'unclassified']);
  });

  it('when one direction has no metrics and the other is healthy then the call is good', () => {
    expect(diagnoseCall(peerToPeer({ media: [{ callerToCallee: healthyAudio(NO_METRICS) }] }), ALICE.id).verdict).toBe('good');
  });

  it('when packetUtilization is missing then the stream is still classified from its metrics', () => {
    const d = diagnoseCall(peerToPeer({ media: [{ calleeToCaller: healthyAudio({ packetUtilization: null, averageJitter: 'PT0.05S' }) }] }), ALICE.id);
    expect(d.verdict).toBe('poor');
  });

  it('when a duration is not ISO 8601 then that metric is unclassified and the others still count', () => {
    const d = diagnoseCall(peerToPeer({ media: [{ calleeToCaller: healthyAudio({ averageJitter: '50ms' }) }] }), ALICE.id);
    const jitter = d.segments[0]!.streams[1]!.metrics.find((m) => m.name === 'averageJitter');
    expect(jitter).toMatchObject({ value: null, classification: 'unclassified' });
    expect(d.verdict).toBe('good');
  });

  it('when a poor stream has no direction then it still makes the call poor but no side is blamed', () => {
    const record = peerToPeer({ media: [{ calleeToCaller: healthyAudio({ streamDirection: null, averageJitter: 'PT0.05S' }) }] });
    const d = diagnoseCall(record, ALICE.id);
    expect(d.verdict).toBe('poor');
    expect(d.causes[0]).toMatchObject({ code: 'jitter', side: 'unknown' });
  });

  it('when the networkInfo is missing then loss is reported as a symptom nothing explains', () => {
    const record = withoutKeys(peerToPeer({ media: [{ calleeToCaller: healthyAudio({ averagePacketLossRate: 0.2 }) }] }), firstMedia, ['callerNetwork', 'calleeNetwork']);
    expect(diagnoseCall(record, ALICE.id).causes.map((c) => c.code)).toEqual(['packet-loss']);
  });

  it('when the deviceInfo is missing then no device cause is invented', () => {
    const record = withoutKeys(peerToPeer(), firstMedia, ['callerDevice', 'calleeDevice']);
    expect(diagnoseCall(record, ALICE.id)).toMatchObject({ verdict: 'good', causes: [] });
  });

  it('when the segment has no media at all then the call is unclassified with no-quality-data', () => {
    const record = withoutKeys(peerToPeer(), (r) => ((r.sessions as Fields[])[0]!.segments as Fields[])[0]!, ['media']);
    expect(diagnoseCall(record, ALICE.id).causes.map((c) => c.code)).toEqual(['no-quality-data']);
  });
});
