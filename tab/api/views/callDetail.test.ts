import { describe, expect, it } from 'vitest';
import { diagnoseCall } from '../../../diagnosis/index.js';
import { ALICE, BOB, healthyAudio, peerToPeer } from '../../../diagnosis/testing/recordBuilder.js';
import type { FullCallRecord } from '../../../graph/index.js';
import { callDetail } from './callDetail.js';

const record = peerToPeer({
  caller: { ...ALICE, network: { ipAddress: '192.168.7.44', subnet: '192.168.7.0', macAddress: '00-11-22-33-44-55', connectionType: 'wifi', wifiBand: 'frequency24GHz' } },
  callee: { ...BOB, network: { ipAddress: '10.9.9.17', subnet: '10.9.9.0', reflexiveIPAddress: '203.0.113.9', macAddress: 'AA-BB-CC-DD-EE-FF' } },
  media: [{ callerToCallee: healthyAudio({ averageJitter: 'PT0.045S' }) }],
}) as unknown as FullCallRecord;

describe('call detail view', () => {
  const detail = callDetail(record, diagnoseCall(record, ALICE.id), ALICE.id, false);
  const media = detail.sessions[0]!.segments[0]!.media[0]!;

  it('keeps the viewer’s own network details and removes the other person’s IP, subnet and MAC addresses', () => {
    expect(media.callerNetwork).toMatchObject({ ipAddress: '192.168.7.44', subnet: '192.168.7.0', connectionType: 'wifi' });
    expect(media.calleeNetwork).not.toHaveProperty('ipAddress');
    expect(media.calleeNetwork).not.toHaveProperty('subnet');
    expect(media.calleeNetwork).not.toHaveProperty('reflexiveIPAddress');
    expect(JSON.stringify(detail)).not.toMatch(/10\.9\.9|203\.0\.113|AA-BB-CC/);
  });

  it('attaches each stream’s CQD classes with the threshold, its comparison and source', () => {
    const sent = media.streams.find((s) => s.streamDirection === 'callerToCallee')!;
    expect(sent.cqd).toMatchObject({ kind: 'audio', relative: 'sent', classification: 'poor' });
    expect(sent.cqd!.metrics.find((m) => m.name === 'averageJitter')).toEqual({
      name: 'averageJitter', value: 45, unit: 'ms', classification: 'poor', threshold: 30, thresholdKey: 'audio.jitterMs', comparison: 'above', source: expect.stringMatching(/CQD stream classification, audio/),
    });
    expect(detail.sessions[0]!.involvesUser).toBe(true);
  });

  it('shows the other side’s view of the same call from Bob’s seat: his details kept, Alice’s removed', () => {
    const bobs = callDetail(record, diagnoseCall(record, BOB.id), BOB.id, false).sessions[0]!.segments[0]!.media[0]!;
    expect(bobs.calleeNetwork).toMatchObject({ ipAddress: '10.9.9.17' });
    expect(bobs.callerNetwork).not.toHaveProperty('ipAddress');
  });

  it('masks a phone participant’s number wherever the record carries it', () => {
    const withPhone = structuredClone(record) as unknown as Record<string, unknown> & { sessions: Record<string, unknown>[]; participants_v2: unknown[] };
    const phone = { identity: { phone: { id: '+14255550187', displayName: '+1 425 555 0187' } } };
    withPhone.sessions[0]!.callee = { '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', ...phone };
    withPhone.participants_v2 = [...withPhone.participants_v2, { id: '+14255550187', ...phone }];
    const shown = JSON.stringify(callDetail(withPhone as unknown as FullCallRecord, diagnoseCall(withPhone as never, ALICE.id), ALICE.id, false));
    expect(shown).not.toMatch(/4255550187|425 555 0187/);
    expect(shown).toMatch(/0187/);
  });

  it('carries diagnosis notes, such as a brief spike inside a good average, so the tab can show them', () => {
    const spiky = peerToPeer({ media: [{ calleeToCaller: healthyAudio({ maxPacketLossRate: 0.6, maxJitter: 'PT0.45S' }) }] }) as unknown as FullCallRecord;
    const shown = callDetail(spiky, diagnoseCall(spiky, ALICE.id), ALICE.id, false);
    expect(shown.diagnosis.notes.map((n) => n.code)).toContain('brief-spike');
    expect(shown.diagnosis.notes.find((n) => n.code === 'brief-spike')!.text).toMatch(/60%|450 ms/);
  });
});
