import { describe, expect, it } from 'vitest';
import { generateTenant } from './generate.js';
import type { GroundTruth } from './groundTruth.js';

type Json = Record<string, unknown>;
const NOW = new Date('2026-11-29T16:00:00Z');
const tenant = generateTenant({ seed: 42, now: NOW });
const truthOf = (id: unknown): GroundTruth => tenant.groundTruth.find((t) => t.callId === id)!;
const sessions = (r: Json): Json[] => r.sessions as Json[];
const participantIds = (r: Json): string[] => (r.participants_v2 as Json[]).map((p) => String(p.id));
const name = (id: string): string => tenant.users.find((u) => u.id === id)!.displayName;

/** The media line of the session where `userId` is an endpoint, from that user's point of view. */
function sideOf(record: Json, userId: string): { network: Json; device: Json; sent: Json; received: Json } {
  for (const s of sessions(record)) {
    const media = ((s.segments as Json[])[0]!.media as Json[])[0];
    if (!media) continue;
    const callerIs = ((s.caller as Json).associatedIdentity as Json | undefined)?.id === userId;
    const calleeIs = ((s.callee as Json).associatedIdentity as Json | undefined)?.id === userId;
    if (!callerIs && !calleeIs) continue;
    const streams = media.streams as Json[];
    const byDir = (d: string): Json => streams.find((x) => x.streamDirection === d)!;
    return callerIs
      ? { network: media.callerNetwork as Json, device: media.callerDevice as Json, sent: byDir('callerToCallee'), received: byDir('calleeToCaller') }
      : { network: media.calleeNetwork as Json, device: media.calleeDevice as Json, sent: byDir('calleeToCaller'), received: byDir('callerToCallee') };
  }
  throw new Error(`user ${userId} has no media in ${String(record.id)}`);
}

describe('generateTenant', () => {
  it('when called twice with the same seed and now, then the tenant is identical; another seed gives other data', () => {
    expect(JSON.stringify(generateTenant({ seed: 42, now: NOW }))).toBe(JSON.stringify(tenant));
    expect(generateTenant({ seed: 43, now: NOW }).records[0]!.id).not.toBe(tenant.records[0]!.id);
  });

  it('when records are generated, then each has exactly one ground truth whose user took part, and the payload carries none of it', () => {
    expect(tenant.groundTruth.map((t) => t.callId)).toEqual(tenant.records.map((r) => r.id));
    for (const record of tenant.records) expect(participantIds(record)).toContain(truthOf(record.id).userId);
    const json = JSON.stringify(tenant.records);
    for (const leak of ['"scenario"', '"ambiguous"', '"verdict"', 'wifi-weak-signal', 'brief-spike', '"notes"', 'service-fault']) expect(json).not.toContain(leak);
  });

  it('when a record is generated, then it ended before now and lies within the last 30 days', () => {
    for (const r of tenant.records) {
      expect(Date.parse(String(r.endDateTime))).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(String(r.startDateTime))).toBeGreaterThan(NOW.getTime() - 30 * 86_400_000);
      expect(Date.parse(String(r.lastModifiedDateTime))).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('when the background is generated, then most calls are good and each kind of problem appears', () => {
    const others = tenant.groundTruth.filter((t) => t.userId !== tenant.demoUserId);
    const share = (v: GroundTruth['verdict']): number => others.filter((t) => t.verdict === v).length / others.length;
    expect(share('good')).toBeGreaterThan(0.7);
    expect(share('poor')).toBeGreaterThan(0.08);
    expect(share('poor')).toBeLessThan(0.25);
    expect(share('dropped')).toBeGreaterThan(0);
    expect(share('setup-failed')).toBeGreaterThan(0);
    expect(new Set(others.map((t) => t.cause)).size).toBeGreaterThan(12);
    expect(others.some((t) => t.ambiguous)).toBe(true);
  });

  it('when a meeting is generated, then each session joins one participant to the AV MCU service endpoint', () => {
    const meeting = tenant.records.find((r) => r.type === 'groupCall')!;
    for (const s of sessions(meeting)) {
      expect((s.caller as Json)['@odata.type']).toBe('#microsoft.graph.callRecords.participantEndpoint');
      expect(s.callee).toMatchObject({ '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint', userAgent: { '@odata.type': '#microsoft.graph.callRecords.serviceUserAgent', role: 'skypeForBusinessAudioVideoMcu' } });
    }
  });

  it('when a weak Wi-Fi problem is on the asker\'s side, then their network shows it and the stream they sent lost more than the one they received', () => {
    const cases = tenant.groundTruth.filter((t) => t.cause === 'wifi-weak-signal' && t.side === 'you' && !t.ambiguous);
    expect(cases.length).toBeGreaterThan(3);
    for (const t of cases) {
      const side = sideOf(tenant.records.find((r) => r.id === t.callId)!, t.userId);
      expect(side.network).toMatchObject({ connectionType: 'wifi' });
      expect(Number(side.network.wifiSignalStrength)).toBeLessThan(30);
      expect(Number(side.sent.averagePacketLossRate)).toBeGreaterThan(Number(side.received.averagePacketLossRate));
      expect(Number(side.network.sentQualityEventRatio)).toBeGreaterThan(0.2);
    }
  });
});

describe('what real tenants have (issue 10)', () => {
  const byScenario = (name: string): Json[] => tenant.groundTruth.filter((t) => t.scenario === name).map((t) => tenant.records.find((r) => r.id === t.callId)!);
  const segmentsOf = (r: Json): Json[] => sessions(r).flatMap((s) => s.segments as Json[]);
  const streamsOf = (seg: Json): Json[] => (seg.media as Json[]).flatMap((m) => m.streams as Json[]);
  const role = (endpoint: unknown): unknown => ((endpoint as Json).userAgent as Json | undefined)?.role;

  it("when a 1:1 sender's network flags what it sent, then the receiver's flag mirrors it", () => {
    const weak = byScenario('wifi-weak-signal').find((r) => r.type === 'peerToPeer')!;
    const asker = truthOf(weak.id).userId;
    const other = participantIds(weak).find((id) => id !== asker)!;
    const sent = Number(sideOf(weak, asker).network.sentQualityEventRatio);
    const mirrored = Number(sideOf(weak, other).network.receivedQualityEventRatio);
    expect(sent).toBeGreaterThan(0.2);
    expect(mirrored).toBeGreaterThan(sent * 0.75);
    expect(mirrored).toBeLessThanOrEqual(sent);
  });

  it('when a brief spike is planted, then a maximum is far above its good average, and nothing else is off', () => {
    const spiky = byScenario('brief-spike');
    expect(spiky.length).toBeGreaterThan(0);
    for (const r of spiky) {
      const streams = segmentsOf(r).flatMap(streamsOf);
      expect(streams.some((x) => Number(x.maxPacketLossRate) >= 0.45 && Number(x.averagePacketLossRate) < 0.02)).toBe(true);
      expect(truthOf(r.id)).toMatchObject({ verdict: 'good', cause: null, notes: ['brief-spike'] });
    }
  });

  it("when a service fault is planted, then the asker's session has a second segment between two Microsoft servers that lost packets", () => {
    const faulty = byScenario('service-fault');
    expect(faulty.length).toBeGreaterThan(0);
    for (const r of faulty) {
      const between = segmentsOf(r).filter((seg) => role(seg.caller) === 'skypeForBusinessAudioVideoMcu' && role(seg.callee) === 'mediationServer');
      expect(between).toHaveLength(1);
      expect(Math.max(...streamsOf(between[0]!).map((x) => Number(x.averagePacketLossRate)))).toBeGreaterThan(0.1);
      expect(truthOf(r.id)).toMatchObject({ verdict: 'poor', cause: 'packet-loss', side: 'service' });
    }
  });

  it("when a phone call is planted, then it runs through Microsoft's gateway to a number, and the carrier's leg lost packets", () => {
    const calls = byScenario('phone-carrier-leg');
    expect(calls.length).toBeGreaterThan(0);
    for (const r of calls) {
      const [toGateway, carrier] = segmentsOf(r);
      expect(role(toGateway!.callee)).toBe('mediationServer');
      expect(String(((carrier!.callee as Json).associatedIdentity as Json).id)).toMatch(/^\+1425555\d{4}$/);
      expect(streamsOf(carrier!).find((x) => x.streamDirection === 'calleeToCaller')!.averagePacketLossRate).toBeGreaterThan(0.1);
    }
  });

  it('when healthy Wi-Fi is generated, then its jitter spreads across the good range instead of bunching far below the limit', () => {
    const jitters = byScenario('good-1to1').flatMap((r) => segmentsOf(r).flatMap(streamsOf)).map((x) => String(x.averageJitter)).filter((j) => j.startsWith('PT')).map((j) => Number(j.slice(2, -1)) * 1000);
    expect(Math.max(...jitters)).toBeGreaterThan(18);
    expect(Math.max(...jitters)).toBeLessThanOrEqual(30);
  });
});

describe("the demo user's story", () => {
  const demo = tenant.demoUserId;
  const mine = tenant.records.filter((r) => participantIds(r).includes(demo)).sort((a, b) => Date.parse(String(b.startDateTime)) - Date.parse(String(a.startDateTime)));
  const otherIn = (r: Json): string => name(participantIds(r).find((id) => id !== demo)!);

  it("when the demo user looks at their last call, then it dropped mid-call after their Wi-Fi signal collapsed, which the record shows", () => {
    const last = mine[0]!;
    expect(sessions(last)[0]!.failureInfo).toMatchObject({ stage: 'midcall' });
    expect(truthOf(last.id)).toMatchObject({ verdict: 'dropped', cause: 'wifi-weak-signal', side: 'you', userId: demo });
    expect(Number(sideOf(last, demo).network.wifiSignalStrength)).toBeLessThan(30);
  });

  it('when the demo user looks earlier this week, then a call with Pradeep dropped with no evidence in the record', () => {
    const pradeep = mine.find((r) => otherIn(r) === 'Pradeep Gupta')!;
    expect(truthOf(pradeep.id)).toMatchObject({ verdict: 'dropped', cause: 'dropped-unexpectedly', side: 'unknown' });
    expect(mine.indexOf(pradeep)).toBeGreaterThan(2);
  });

  it('when the demo user looks at today, then the call with Ravi was poor from weak 2.4 GHz Wi-Fi on their side', () => {
    const ravi = mine.find((r) => r.type === 'peerToPeer' && otherIn(r) === 'Ravi Patel' && String(r.startDateTime).startsWith('2026-11-29'))!;
    expect(truthOf(ravi.id)).toMatchObject({ verdict: 'poor', cause: 'wifi-weak-signal', side: 'you' });
    const side = sideOf(ravi, demo);
    expect(side.network).toMatchObject({ connectionType: 'wifi', wifiBand: 'frequency24GHz' });
    expect(Number(side.sent.averagePacketLossRate)).toBeGreaterThan(0.1);
  });

  it('when the demo user looks at yesterday, then the call with Lena was good', () => {
    const lena = mine.find((r) => r.type === 'peerToPeer' && otherIn(r) === 'Lena Fischer' && String(r.startDateTime).startsWith('2026-11-28'))!;
    expect(truthOf(lena.id)).toMatchObject({ verdict: 'good', cause: null });
  });

  it('when the demo user looks for the 14:00 meeting, then it is there with a joinWebUrl', () => {
    const meeting = mine.find((r) => r.type === 'groupCall' && String(r.startDateTime).endsWith('T14:00:00.000Z'))!;
    expect(meeting.joinWebUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  it('when the demo user looks at this week, then poor calls show VPN, TCP fallback, the other side on mobile, a muted speaker and CPU overload', () => {
    const week = mine.filter((r) => Date.parse(String(r.startDateTime)) > NOW.getTime() - 7 * 86_400_000);
    const byCause = (cause: string): Json => week.find((r) => truthOf(r.id).cause === cause)!;
    expect(sideOf(byCause('vpn'), demo).network).toMatchObject({ connectionType: 'tunnel' });
    expect(sideOf(byCause('tcp-fallback'), demo).network).toMatchObject({ networkTransportProtocol: 'tcp', relayIPAddress: expect.any(String) });
    const mobile = byCause('mobile-network');
    expect(truthOf(mobile.id).side).toBe('other');
    expect(sideOf(mobile, participantIds(mobile).find((id) => id !== demo)!).network).toMatchObject({ connectionType: 'mobile' });
    expect(Number(sideOf(byCause('speaker-muted'), demo).device.renderMuteEventRatio)).toBeGreaterThan(0.5);
    expect(Number(sideOf(byCause('cpu-overload'), demo).device.cpuInsufficentEventRatio)).toBeGreaterThan(0.2);
  });

  it('when the demo user reads the Direct Routing report, then a call to +1 425 failed today with a SIP code', () => {
    const failed = tenant.directRoutingCalls.find((r) => r.userId === demo && r.successfulCall === false)!;
    expect(failed).toMatchObject({ finalSipCode: 503, calleeNumber: expect.stringMatching(/^\+1425/) });
    expect(String(failed.startDateTime).startsWith('2026-11-29')).toBe(true);
  });
});
