import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../diagnosis/index.js';
import { ALICE, BOB, CAROL, groupCall, healthyAudio, minutes, peerToPeer, serviceEndpoint } from '../../../diagnosis/testing/recordBuilder.js';
import { buildTimeline, serviceLabel, streamClass } from './timeline.js';

const DAN = { id: 'da400000-0000-4000-8000-000000000004', name: 'Dan Wu' };
const badAudio = healthyAudio({ averagePacketLossRate: 0.18, averageJitter: 'PT0.06S' });

function sessionsOf(record: Record<string, unknown>): unknown[] {
  return record.sessions as unknown[];
}

describe('segment timeline', () => {
  it("puts the user's own legs first, then everyone else's in time order", () => {
    const record = groupCall([
      { participant: ALICE, timing: minutes(0, 30) },
      { participant: BOB, timing: minutes(2, 30) },
      { participant: CAROL, timing: minutes(1, 10), failure: { stage: 'midcall', reason: 'network' } },
      { participant: CAROL, timing: minutes(12, 30) },
    ]);
    const timeline = buildTimeline(sessionsOf(record), CAROL.id, DEFAULT_THRESHOLDS);
    expect(timeline.sessions.map((s) => [s.mine, s.caller.label])).toEqual([
      [true, 'You'],
      [true, 'You'],
      [false, 'Alice Park'],
      [false, 'Bob Lee'],
    ]);
    expect(timeline.sessions[0]!.failure).toEqual({ stage: 'midcall', reason: 'network' });
    expect(timeline.sessions[0]!.callee.label).toBe('Conferencing server');
  });

  it('names who sent each stream to whom, both directions, with the endpoint network and device', () => {
    const record = peerToPeer({ caller: { ...ALICE, network: { connectionType: 'wifi', wifiBand: 'frequency24GHz', wifiSignalStrength: 30 } }, callee: BOB });
    const [session] = buildTimeline(sessionsOf(record), BOB.id, DEFAULT_THRESHOLDS).sessions;
    const streams = session!.segments[0]!.streams;
    expect(streams.map((s) => s.label)).toEqual(['Alice Park → You', 'You → Alice Park']);
    expect(streams.map((s) => s.kind)).toEqual(['audio', 'audio']);
    expect(session!.segments[0]!.caller.network).toMatchObject({ connectionType: 'wifi', wifiSignalStrength: 30 });
  });

  it('counts impacting (sent poor streams) and impacted (received poor streams) per person in a meeting', () => {
    const record = groupCall([
      { participant: ALICE, sent: badAudio },
      { participant: BOB, received: badAudio },
      { participant: CAROL },
      { participant: DAN, sent: badAudio, received: badAudio },
    ]);
    const { participants } = buildTimeline(sessionsOf(record), CAROL.id, DEFAULT_THRESHOLDS);
    const byName = Object.fromEntries(participants.map((p) => [p.label, [p.impacting, p.impacted]]));
    expect(byName).toEqual({ 'Dan Wu': [1, 1], 'Alice Park': [1, 0], 'Bob Lee': [0, 1], You: [0, 0] });
    expect(participants[0]!.label).toBe('Dan Wu');
  });

  it('takes the stream class from CQD (the API) when present, warning when a value is near its line', () => {
    expect(streamClass('poor', [{ cls: 'good' }])).toBe('poor');
    expect(streamClass('good', [{ cls: 'borderline' }])).toBe('borderline');
    expect(streamClass('unclassified', [{ cls: 'poor' }])).toBe('unclassified');
    expect(streamClass(null, [{ cls: 'good' }, { cls: 'poor' }])).toBe('poor');
  });

  it('words service endpoints by role, and unknown roles readably', () => {
    expect(serviceLabel('mediationServer')).toBe('PSTN gateway');
    expect(serviceLabel('mediaController')).toBe('Media relay');
    expect(serviceLabel('someNewRole')).toBe('Some new role');
    const record = peerToPeer({ caller: ALICE, callee: BOB });
    const sessions = sessionsOf(record) as Record<string, unknown>[];
    sessions[0]!.callee = serviceEndpoint('mediationServer');
    (sessions[0]!.segments as Record<string, unknown>[])[0]!.callee = serviceEndpoint('mediationServer');
    expect(buildTimeline(sessions, ALICE.id, DEFAULT_THRESHOLDS).sessions[0]!.callee.label).toBe('PSTN gateway');
  });

  it('survives a session without segments or endpoints', () => {
    const timeline = buildTimeline([{ id: 'x' }, null, 'junk'], ALICE.id, DEFAULT_THRESHOLDS);
    expect(timeline.sessions[0]).toMatchObject({ id: 'x', mine: false, cls: 'unclassified', segments: [] });
  });
});
