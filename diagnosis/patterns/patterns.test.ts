import { describe, expect, it } from 'vitest';
import { diagnoseCall } from '../diagnose.js';
import { ALICE, BOB, healthyAudio, peerToPeer } from '../testing/recordBuilder.js';
import type { CauseCode, Verdict } from '../types.js';
import { maskSubnet } from './maskSubnet.js';
import { myQuality } from './myQuality.js';
import { observeCall } from './observe.js';
import { MINIMUM_PEOPLE, teamQuality, type PersonObservation } from './teamQuality.js';
import type { CallObservation } from './types.js';

let n = 0;
function call(overrides: Partial<CallObservation> & { verdict: Verdict }): CallObservation {
  n += 1;
  return {
    callId: `call-${n}`,
    startDateTime: '2026-11-20T10:00:00Z',
    localHour: 10,
    causes: [],
    ownCauses: [],
    connectionType: 'wired',
    wifiBand: null,
    vpn: false,
    device: 'Jabra Evolve2',
    client: 'Teams on Windows',
    subnet: '10.1.2.0',
    poorAudioStreams: 0,
    audioStreams: 2,
    ...overrides,
  };
}
const on24 = (verdict: Verdict, causes: CauseCode[] = ['wifi-2.4ghz']): CallObservation =>
  call({ verdict, connectionType: 'wifi', wifiBand: '2.4 GHz', causes, ownCauses: causes });

describe('My quality', () => {
  it('finds the 2.4 GHz pattern: "7 of your 9 poor calls were on 2.4 GHz Wi-Fi", with the advice to switch', () => {
    const calls = [
      ...Array.from({ length: 6 }, () => on24('poor')),
      on24('dropped'),
      call({ verdict: 'poor', causes: ['packet-loss'], ownCauses: ['packet-loss'] }),
      call({ verdict: 'setup-failed', causes: ['media-connectivity-failed'], ownCauses: ['media-connectivity-failed'] }),
      ...Array.from({ length: 11 }, () => call({ verdict: 'good' })),
      call({ verdict: 'good', connectionType: 'wifi', wifiBand: '5 GHz' }),
    ];
    const quality = myQuality(calls);
    expect(quality).toMatchObject({ calls: 21, poor: 9, dropped: 1 });
    expect(quality.recurring).toMatchObject({ code: 'wifi-2.4ghz', dimension: 'wifiBand', bucket: '2.4 GHz', count: 7, ofPoor: 9 });
    expect(quality.recurring?.sentence).toBe('7 of your 9 poor calls were on 2.4 GHz Wi-Fi.');
    expect(quality.recurring?.advice).toMatch(/5 GHz/);
    expect(quality.headline).toContain('9 of your 21 calls');
    const bands = quality.by.wifiBand;
    expect(bands[0]).toMatchObject({ key: '2.4 GHz', calls: 7, poor: 7, poorRate: 1 });
    expect(bands.find((b) => b.key === '5 GHz')).toMatchObject({ calls: 1, poor: 0 });
    // Wired calls: 2 poor of 13.
    expect(quality.by.connectionType.find((r) => r.key === 'wired')).toMatchObject({ calls: 13, poor: 2, dropped: 0 });
  });

  it('names no pattern for two bad calls, or when poor calls share no cause', () => {
    expect(myQuality([on24('poor'), on24('poor'), call({ verdict: 'good' })]).recurring).toBeNull();
    const scattered = myQuality([
      call({ verdict: 'poor', ownCauses: ['packet-loss'], causes: ['packet-loss'] }),
      call({ verdict: 'poor', ownCauses: ['vpn'], causes: ['vpn'] }),
      call({ verdict: 'poor', ownCauses: ['cpu-overload'], causes: ['cpu-overload'] }),
      call({ verdict: 'poor', ownCauses: ['jitter'], causes: ['jitter'] }),
    ]);
    expect(scattered.recurring).toBeNull();
    expect(scattered.headline).toMatch(/no single cause/);
  });

  it('prefers the condition (2.4 GHz) to the symptom it causes (jitter) when both recur as often', () => {
    const quality = myQuality([0, 1, 2].map(() => on24('poor', ['jitter', 'wifi-2.4ghz'])));
    expect(quality.recurring).toMatchObject({ code: 'wifi-2.4ghz', sentence: '3 of your 3 poor calls were on 2.4 GHz Wi-Fi.' });
  });

  it('counts only causes on the user’s own side as their pattern', () => {
    const othersFault = Array.from({ length: 4 }, () => call({ verdict: 'poor', causes: ['wifi-weak-signal'], ownCauses: [] }));
    expect(myQuality(othersFault).recurring).toBeNull();
  });

  it('puts a device cause on the device most of those calls used', () => {
    const mic = (device: string): CallObservation => call({ verdict: 'poor', causes: ['mic-not-working'], ownCauses: ['mic-not-working'], device });
    const quality = myQuality([mic('USB Headset'), mic('USB Headset'), mic('USB Headset'), mic('Laptop Microphone'), call({ verdict: 'good' })]);
    expect(quality.recurring?.sentence).toBe('3 of your 4 poor calls had a microphone that did not pick up on USB Headset.');
  });

  it('breaks calls down by time of day in the user’s hours', () => {
    const quality = myQuality([call({ verdict: 'poor', localHour: 8 }), call({ verdict: 'good', localHour: 9 }), call({ verdict: 'good', localHour: 23 })]);
    expect(quality.by.timeOfDay).toEqual([
      expect.objectContaining({ key: 'morning', calls: 2, poor: 1, poorRate: 0.5 }),
      expect.objectContaining({ key: 'night', calls: 1, poor: 0 }),
    ]);
  });

  it('says so when there are no calls or all went well', () => {
    expect(myQuality([]).headline).toMatch(/no calls/);
    expect(myQuality([call({ verdict: 'good' })]).headline).toBe('All 1 of your calls in the last 30 days went well.');
  });
});

describe('observing one call from the user’s endpoint', () => {
  it('reads the user’s own connection, band, device, client and subnet, not the other person’s', () => {
    const record = peerToPeer({
      caller: { ...ALICE, network: { connectionType: 'wifi', wifiBand: 'frequency24GHz', wifiSignalStrength: 30, subnet: '192.168.7.0' }, device: { captureDeviceName: 'Surface Mic' } },
      callee: { ...BOB, network: { connectionType: 'wired', subnet: '10.9.9.0' }, device: { captureDeviceName: 'Bob Headset' } },
      media: [{ callerToCallee: healthyAudio({ averagePacketLossRate: 0.2 }) }],
    });
    const diagnosis = diagnoseCall(record, ALICE.id);
    const seen = observeCall(record, diagnosis, ALICE.id, { timeZone: 'Europe/Berlin' });
    expect(seen).toMatchObject({ connectionType: 'wifi', wifiBand: '2.4 GHz', vpn: false, device: 'Surface Mic', client: 'Teams on Windows', subnet: '192.168.7.0', localHour: 11, verdict: diagnosis.verdict });
    expect(seen.audioStreams).toBeGreaterThan(0);
    const bob = observeCall(record, diagnoseCall(record, BOB.id), BOB.id);
    expect(bob).toMatchObject({ connectionType: 'wired', wifiBand: null, device: 'Bob Headset', subnet: '10.9.9.0', localHour: 10 });
  });

  it('reports a VPN tunnel', () => {
    const record = peerToPeer({ caller: { ...ALICE, network: { connectionType: 'tunnel' } } });
    expect(observeCall(record, diagnoseCall(record, ALICE.id), ALICE.id)).toMatchObject({ connectionType: 'tunnel', vpn: true });
  });
});

describe('team quality', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const person = (i: number, o: CallObservation): PersonObservation => ({ person: `p${i}`, observation: o });

  it('withholds a team of fewer than 5 people, saying why, and shows nothing else', () => {
    const rows = [0, 1, 2, 3].map((i) => person(i, call({ verdict: 'poor' })));
    const quality = teamQuality(rows, { now, days: 30 });
    expect(quality).toEqual({ withheld: true, people: 4, minimumPeople: MINIMUM_PEOPLE, reason: expect.stringMatching(/Only 4 people .* 5 or more people, so that no one's calls can be singled out/) });
  });

  it('compares the team with Microsoft’s targets: poor audio streams, setup failures and drops', () => {
    const rows = [
      ...[0, 1, 2, 3, 4].map((i) => person(i, call({ verdict: 'good', audioStreams: 10, poorAudioStreams: 0 }))),
      person(0, call({ verdict: 'dropped', audioStreams: 10, poorAudioStreams: 4, causes: ['packet-loss'] })),
      person(1, call({ verdict: 'setup-failed', audioStreams: 0, causes: ['media-connectivity-failed'] })),
      ...[2, 3, 4].map((i) => person(i, call({ verdict: 'good', audioStreams: 10 }))),
    ];
    const quality = teamQuality(rows, { now, days: 30 });
    if (quality.withheld) throw new Error('expected figures');
    expect(quality.people).toBe(5);
    expect(quality.calls).toBe(10);
    expect(quality.poorAudioStreams).toEqual({ value: 4 / 90, target: 0.03, meetsTarget: false });
    expect(quality.setupFailures).toEqual({ value: 0.1, target: 0.01, meetsTarget: false });
    expect(quality.drops).toEqual({ value: 0.1, target: 0.03, meetsTarget: false });
    expect(quality.topCauses.map((c) => c.code)).toEqual(['media-connectivity-failed', 'packet-loss']);
    expect(quality.overTime).toHaveLength(5);
    expect(quality.overTime.reduce((s, p) => s + p.calls, 0)).toBe(10);
  });

  it('folds connection types and subnets used by fewer than 5 people into "others", and masks subnets', () => {
    const rows = [
      ...[0, 1, 2, 3, 4].map((i) => person(i, call({ verdict: 'good', subnet: `10.1.2.${i + 10}` }))),
      person(5, call({ verdict: 'poor', connectionType: 'mobile', subnet: '172.16.5.9' })),
    ];
    const quality = teamQuality(rows, { now, days: 30 });
    if (quality.withheld) throw new Error('expected figures');
    expect(quality.subnets).toEqual([expect.objectContaining({ key: '10.1.2.0/24', calls: 5 })]);
    expect(quality.connectionTypes.map((r) => r.key)).toEqual(['wired']);
    expect(JSON.stringify(quality)).not.toMatch(/172\.16|p5|call-/);
  });
});

describe('maskSubnet', () => {
  it('masks IPv4 to /24 and IPv6 to /48, and refuses what is not an address', () => {
    expect(maskSubnet('192.168.7.44')).toBe('192.168.7.0/24');
    expect(maskSubnet('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(maskSubnet('not an ip')).toBeNull();
  });
});
