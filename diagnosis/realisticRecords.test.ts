// The situations real tenants have and a first engine got wrong (issue 10), each in a record shaped
// like Graph's documentation examples (../shared/reference/graph-examples): Microsoft's side, a
// receiver flag mirroring the sender, advice from the side's own facts, large meetings, brief
// spikes, video experience ratios, too little data, phone calls with a carrier leg.
import { describe, expect, it } from 'vitest';
import { PHONE_ADVICE, SERVICE_ADVICE } from './advice.js';
import { diagnoseCall } from './diagnose.js';
import { parseCallRecord } from './parse.js';
import { ALICE, BOB, groupCall, healthyAudio, healthyDevice, healthyVideo, participantEndpoint, peerToPeer, serviceEndpoint, wiredNetwork } from './testing/recordBuilder.js';
import type { LegSpec } from './testing/recordBuilder.js';

type Fields = Record<string, unknown>;
const START = '2026-11-20T10:00:00Z';
const END = '2026-11-20T10:30:00Z';

function segment(id: string, caller: Fields, callee: Fields, media: Fields[]): Fields {
  return { id, startDateTime: START, endDateTime: END, caller, callee, media };
}

function line(label: string, callerToCallee: Fields | null, calleeToCaller: Fields | null, networks: { caller?: Fields | null; callee?: Fields | null } = {}): Fields {
  const streams = [
    ...(callerToCallee ? [{ streamId: '1', streamDirection: 'callerToCallee', ...callerToCallee }] : []),
    ...(calleeToCaller ? [{ streamId: '2', streamDirection: 'calleeToCaller', ...calleeToCaller }] : []),
  ];
  return { label, callerNetwork: networks.caller ?? null, calleeNetwork: networks.callee ?? null, callerDevice: null, calleeDevice: null, streams };
}

function record(type: string, sessions: Fields[]): Fields {
  return { id: 'rec-0000-0000-0000-000000000010', version: 1, type, modalities: ['audio'], startDateTime: START, endDateTime: END, organizer_v2: { id: ALICE.id }, participants_v2: [{ id: ALICE.id }], sessions };
}

const alice = participantEndpoint(ALICE);
const LOSSY = healthyAudio({ averagePacketLossRate: 0.14, averageAudioDegradation: 1.7 });

describe("Microsoft's side (item 1)", () => {
  // Alice joins a meeting; her leg to the conferencing server is clean, the server-to-gateway leg lost packets.
  const serviceOnly = record('groupCall', [
    {
      id: 's1',
      startDateTime: START,
      endDateTime: END,
      caller: alice,
      callee: serviceEndpoint(),
      segments: [
        segment('g1', alice, serviceEndpoint(), [line('main-audio', healthyAudio(), healthyAudio(), { caller: wiredNetwork() })]),
        segment('g2', serviceEndpoint(), serviceEndpoint('mediationServer'), [line('main-audio', LOSSY, healthyAudio())]),
      ],
    },
  ]);

  it('when only a server-to-server segment lost packets then the cause is on side service, with nothing for the user to change', () => {
    const d = diagnoseCall(serviceOnly, ALICE.id);
    expect(d.verdict).toBe('poor');
    expect(d.causes[0]).toMatchObject({ code: 'packet-loss', side: 'service', advice: SERVICE_ADVICE });
    expect(d.causes[0]!.evidence).toMatch(/^14% of the audio packets the conferencing server sent the phone gateway were lost/);
    expect(d.causes[0]!.advice).not.toMatch(/cable|Wi-Fi/);
    expect(d.summary).toMatch(/inside Microsoft's network, not on your side/);
    expect(d.causes.some((c) => c.side === 'you')).toBe(false);
  });
});

describe('receiver flags (item 8)', () => {
  // Alice on weak Wi-Fi sends lossy audio and her device flags it (0.31); Bob, wired and clean, flags what he received (0.27).
  const mirrored = peerToPeer({
    caller: { ...ALICE, network: { connectionType: 'wifi', wifiSignalStrength: 22, wifiBand: 'frequency50GHz', sentQualityEventRatio: 0.31 } },
    callee: { ...BOB, network: { receivedQualityEventRatio: 0.27 } },
    media: [{ callerToCallee: LOSSY }],
  });

  it("when Bob's received flag mirrors Alice's loss then Bob hears it was Alice's side, and nothing is put on his clean network", () => {
    const d = diagnoseCall(mirrored, BOB.id);
    expect(d.causes[0]).toMatchObject({ code: 'wifi-weak-signal', side: 'other' });
    expect(d.causes.filter((c) => c.side === 'you')).toEqual([]);
  });

  it("when Alice asks then her Wi-Fi leads and Bob's flag is counted as evidence about what she sent, not as his problem", () => {
    const d = diagnoseCall(mirrored, ALICE.id);
    expect(d.causes[0]).toMatchObject({ code: 'wifi-weak-signal', side: 'you' });
    expect(d.causes.filter((c) => c.side === 'other')).toEqual([]);
    const flag = d.causes.find((c) => c.facts.some((f) => f.field.endsWith('calleeNetwork.receivedQualityEventRatio')));
    expect(flag?.side).toBe('you');
  });

  it('when a weak flag and a severe one are compared then the severe one is the more confident', () => {
    const flagged = (ratio: number): number => diagnoseCall(peerToPeer({ callee: { ...BOB, network: { receivedQualityEventRatio: ratio } } }), BOB.id).causes[0]!.confidence;
    expect(flagged(0.8)).toBeGreaterThan(flagged(0.21));
  });
});

describe('direction and advice from the facts of the side (items 3 and 6)', () => {
  it('when a wired sender lost packets then the advice does not tell them to use a cable, and says who can act', () => {
    const d = diagnoseCall(peerToPeer({ callee: { ...BOB, network: { connectionType: 'wired' } }, media: [{ calleeToCaller: LOSSY }] }), ALICE.id);
    expect(d.causes[0]).toMatchObject({ code: 'packet-loss', side: 'other' });
    expect(d.causes[0]!.advice).toMatch(/^Ask Bob Lee to pause large downloads/);
    expect(d.causes[0]!.advice).toMatch(/already wired/);
    expect(d.causes[0]!.advice).not.toMatch(/use a (wired connection|cable)/);
  });

  it("when the other side's speaker was muted then it is a note about their experience, and a measured loss in what they sent leads", () => {
    const record = peerToPeer({ callee: { ...BOB, device: { renderMuteEventRatio: 0.9 } }, media: [{ calleeToCaller: LOSSY }] });
    const d = diagnoseCall(record, ALICE.id);
    expect(d.causes.map((c) => c.code)).toEqual(['packet-loss']);
    expect(d.notes?.map((n) => n.code)).toEqual(['their-experience']);
  });

  it("when the other side's speaker glitched then it is their experience too, not a glitch in what they sent", () => {
    const d = diagnoseCall(peerToPeer({ callee: { ...BOB, device: { speakerGlitchRate: 400 } } }), ALICE.id);
    expect(d.verdict).toBe('good');
    expect(d.notes?.[0]?.text).toMatch(/^Bob Lee's speaker glitched 400 times per 5 minutes/);
  });

  it('when a microphone trips two checks then both are read and the strongest is kept', () => {
    const d = diagnoseCall(peerToPeer({ callee: { ...BOB, device: { renderMuteEventRatio: 0.25, renderZeroVolumeEventRatio: 0.9 } } }), BOB.id);
    expect(d.causes[0]!.evidence).toBe('your speaker was at zero volume for 90% of the call');
  });
});

describe('a large meeting (item 2)', () => {
  const person = (i: number, network: Fields = {}): LegSpec['participant'] => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Attendee ${i}`, network });
  const legs: LegSpec[] = [
    // The asker: weak 5 GHz Wi-Fi; what she sent lost packets and the video she received ran at 5 fps.
    {
      participant: { ...ALICE, network: { connectionType: 'wifi', wifiSignalStrength: 28, wifiBand: 'frequency50GHz' } },
      sent: healthyAudio({ averagePacketLossRate: 0.12 }),
      extraMedia: [{ label: 'main-video', callerToCallee: healthyVideo(), calleeToCaller: healthyVideo({ averageVideoFrameLossPercentage: null, averageVideoFrameRate: 5, lowFrameRateRatio: 0.6 }) }],
    },
    ...Array.from({ length: 299 }, (_, i): LegSpec => (i < 40 ? { participant: person(i + 1, { connectionType: 'wifi', wifiSignalStrength: 20, wifiBand: 'frequency24GHz' }), sent: LOSSY } : { participant: person(i + 1) })),
  ];
  const meeting = groupCall(legs);

  it("when the asker's own leg was poor among 300 sessions then her own causes come first and other attendees are grouped", () => {
    const d = diagnoseCall(meeting, ALICE.id);
    expect(d.verdict).toBe('poor');
    expect(d.causes[0]).toMatchObject({ code: 'wifi-weak-signal', side: 'you' });
    expect(d.causes[0]!.evidence).toMatch(/your Wi-Fi signal was 28%/);
    // The video she received is part of her own answer, not buried under 40 strangers' packet loss.
    expect(d.causes.filter((c) => c.side === 'you').flatMap((c) => c.facts.map((f) => f.field)).some((f) => f.endsWith('lowFrameRateRatio') || f.endsWith('averageVideoFrameRate'))).toBe(true);
    const grouped = d.causes.find((c) => c.side === 'other' && c.code === 'wifi-weak-signal');
    expect(grouped?.evidence).toMatch(/^40 attendees sent poor audio or video to the meeting because of a weak Wi-Fi signal \(Attendee \d+, Attendee \d+ and 38 more\)/);
    expect(d.causes.filter((c) => c.side === 'other').every((c) => c.advice.startsWith('Ask the 40 attendees concerned to'))).toBe(true);
    expect(d.causes.length).toBeLessThanOrEqual(6);
    expect(d.summary).toMatch(/^Your call quality was poor, most likely because of a weak Wi-Fi signal on your side\./);
  });

  it('when a healthy attendee asks then the grouped cause leads and the summary names how many attendees', () => {
    const d = diagnoseCall(meeting, person(200).id!);
    expect(d.causes[0]).toMatchObject({ side: 'other' });
    expect(d.summary).toMatch(/among \d+ other attendees/);
  });
});

describe('brief spikes (item 4)', () => {
  const spiky = peerToPeer({ media: [{ calleeToCaller: healthyAudio({ maxPacketLossRate: 0.6, maxJitter: 'PT0.45S' }) }] });

  it('when a burst sits inside good averages then the verdict stays good and a note carries the evidence', () => {
    const d = diagnoseCall(spiky, ALICE.id);
    expect(d.verdict).toBe('good');
    expect(d.causes).toEqual([]);
    expect(d.notes).toEqual([
      expect.objectContaining({
        code: 'brief-spike',
        side: 'other',
        text: expect.stringMatching(/^The audio Bob Lee sent you was fine on average but spiked briefly: up to 60% of its packets were lost \(average 0\.2%\); jitter reached 450 ms \(average 5 ms\)/),
      }),
    ]);
    expect(d.notes![0]!.facts.map((f) => f.field)).toContain('sessions[0].segments[0].media[0].streams[1].maxPacketLossRate');
  });
});

describe('video experience (item 5)', () => {
  // 9% frame loss decides CQD's ladder (good), yet the stream ran at 4 fps with Graph's own ratios high.
  const slow = peerToPeer({
    media: [{}, { label: 'main-video', calleeToCaller: healthyVideo({ averageVideoFrameLossPercentage: 9, averageVideoFrameRate: 4, lowFrameRateRatio: 0.7, lowVideoProcessingCapabilityRatio: 0.6 }) }],
  });

  it("when the ladder says good but Graph's ratios show sustained low frame rate then the stream stays good for the tab and the call is poor", () => {
    const d = diagnoseCall(slow, ALICE.id);
    const video = d.segments[0]!.streams.find((s) => s.kind === 'video' && s.direction === 'calleeToCaller')!;
    expect(video.classification).toBe('good');
    expect(d.verdict).toBe('poor');
    expect(d.causes[0]).toMatchObject({ code: 'cpu-overload', side: 'other' });
    expect(d.causes[0]!.evidence).toMatch(/lowVideoProcessingCapabilityRatio/);
    const frameRate = d.causes.find((c) => c.code === 'video-low-frame-rate');
    expect(frameRate?.evidence).toMatch(/ran below 7\.5 frames per second for 70% of the call \(Graph's lowFrameRateRatio\) \(CQD's ladder rated the stream good on its 9% frame loss\)/);
  });
});

describe('too little data (item 9)', () => {
  const brief = peerToPeer({ timing: { start: START, end: '2026-11-20T10:00:25Z' }, media: [{ callerToCallee: null, calleeToCaller: { averageJitter: 'PT0.012S' } }] });

  it('when a 25-second call measured one value then it is unclassified, and the answer says what was measured', () => {
    const d = diagnoseCall(brief, ALICE.id);
    expect(d.verdict).toBe('unclassified');
    expect(d.causes[0]!.evidence).toBe('the record measured only averageJitter 12 ms on 1 stream (audio: what you received) over 25 s, too little to call the call good');
    expect(d.summary).not.toMatch(/stayed within/);
  });

  it('when a call is good then the summary says what the verdict rests on', () => {
    const d = diagnoseCall(peerToPeer(), ALICE.id);
    expect(d.summary).toBe("Your call looked good: 2 streams measured (audio: what you sent and what you received), none crossed Microsoft's call-quality thresholds, and no device problem was reported.");
  });
});

describe('phone calls and the smaller items (item 7)', () => {
  const phone = { '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', associatedIdentity: { id: '+14255550143', displayName: '+14255550143' } };
  const gateway = serviceEndpoint('mediationServer');
  const pstn = record('peerToPeer', [
    {
      id: 's1',
      startDateTime: START,
      endDateTime: END,
      caller: alice,
      callee: phone,
      segments: [
        segment('g1', alice, gateway, [line('main-audio', healthyAudio(), healthyAudio(), { caller: wiredNetwork() })]),
        segment('g2', gateway, phone, [line('main-audio', healthyAudio(), LOSSY)]),
      ],
    },
  ]);

  it('when the carrier leg of a phone call lost packets then the answer names the phone network, masks the number and asks nobody for a cable', () => {
    const d = diagnoseCall(pstn, ALICE.id);
    expect(d.causes[0]).toMatchObject({ code: 'packet-loss', side: 'other', advice: PHONE_ADVICE });
    expect(d.causes[0]!.evidence).toMatch(/sent the phone gateway were lost/);
    expect(JSON.stringify(d.causes)).not.toMatch(/4255550143|meeting/);
  });

  it('when Int64 fields arrive as strings (IEEE754Compatible) then they are read as numbers', () => {
    const d = diagnoseCall(peerToPeer({ media: [{ calleeToCaller: healthyAudio({ packetUtilization: '300' }) }] }), ALICE.id);
    expect(d.segments[0]!.streams[1]!.classification).toBe('unclassified');
  });

  it('when media is an object instead of a list then parsing says so', () => {
    const broken = peerToPeer();
    (broken.sessions as Fields[])[0]!.segments = [{ id: 'g', media: { label: 'main-audio' } }];
    expect(parseCallRecord(broken)).toEqual({ ok: false, problem: '"sessions[0].segments[0].media" must be an array of media lines but is a object' });
  });

  it('when the user asked about is in no endpoint then a note says so', () => {
    const d = diagnoseCall(peerToPeer(), 'ffffffff-0000-4000-8000-000000000000');
    expect(d.notes?.[0]).toMatchObject({ code: 'user-not-found', side: 'unknown' });
  });

  it('when a device howled once in a half-hour call then the call is not poor; twelve times is', () => {
    const howl = (count: number) => diagnoseCall(peerToPeer({ callee: { ...BOB, device: healthyDevice({ howlingEventCount: count }) } }), ALICE.id);
    expect(howl(1).verdict).toBe('good');
    expect(howl(12).causes[0]).toMatchObject({ code: 'echo-howling', side: 'other' });
  });
});
