// Every cause code, and whose side it lands on, from each participant's point of view in 1:1
// calls and meetings.
import { describe, expect, it } from 'vitest';
import { diagnoseCall } from './diagnose.js';
import { ALICE, BOB, CAROL, groupCall, healthyAudio, healthyVideo, peerToPeer } from './testing/recordBuilder.js';
import type { CauseCode } from './types.js';

type Fields = Record<string, unknown>;

const LOSSY = healthyAudio({ averagePacketLossRate: 0.13, averageAudioDegradation: 1.6 });
const JITTERY = healthyAudio({ averageJitter: 'PT0.045S' });
const SLOW = healthyAudio({ averageRoundTripTime: 'PT0.62S' });

/** Bob's side has the problem; his outgoing stream shows it when `stream` is given. */
function bobHas(network: Fields, device: Fields = {}, stream?: Fields): Fields {
  return peerToPeer({ callee: { ...BOB, network, device }, media: [{ calleeToCaller: stream ?? healthyAudio() }] });
}

interface Row {
  readonly code: CauseCode;
  readonly record: Fields;
}

// In each record the problem sits on Bob's side (the callee) of a 1:1 call with Alice.
const ROWS: Row[] = [
  { code: 'wifi-weak-signal', record: bobHas({ connectionType: 'wifi', wifiSignalStrength: 21, wifiBand: 'frequency24GHz' }, {}, LOSSY) },
  { code: 'wifi-2.4ghz', record: bobHas({ connectionType: 'wifi', wifiSignalStrength: 65, wifiBand: 'frequency24GHz' }, {}, JITTERY) },
  { code: 'vpn', record: bobHas({ connectionType: 'tunnel' }, {}, JITTERY) },
  { code: 'tcp-fallback', record: bobHas({ networkTransportProtocol: 'tcp' }, {}, JITTERY) },
  { code: 'mobile-network', record: bobHas({ connectionType: 'mobile' }, {}, SLOW) },
  { code: 'low-bandwidth', record: bobHas({ bandwidthLowEventRatio: 0.4 }, {}, LOSSY) },
  { code: 'congested-network', record: bobHas({ sentQualityEventRatio: 0.35 }, {}, LOSSY) },
  { code: 'packet-loss', record: bobHas({}, {}, LOSSY) },
  { code: 'jitter', record: bobHas({}, {}, JITTERY) },
  { code: 'high-latency', record: bobHas({ delayEventRatio: 0.3 }, {}, SLOW) },
  { code: 'mic-not-working', record: bobHas({}, { captureNotFunctioningEventRatio: 0.8 }) },
  { code: 'speaker-not-working', record: bobHas({}, { renderNotFunctioningEventRatio: 0.8 }) },
  { code: 'speaker-muted', record: bobHas({}, { renderMuteEventRatio: 0.9 }) },
  { code: 'audio-glitches', record: bobHas({}, { deviceGlitchEventRatio: 0.25 }) },
  { code: 'cpu-overload', record: bobHas({}, { cpuInsufficentEventRatio: 0.4, deviceGlitchEventRatio: 0.12 }) },
  { code: 'echo-howling', record: bobHas({}, { howlingEventCount: 12 }) },
  { code: 'low-speech-level', record: bobHas({}, { lowSpeechLevelEventRatio: 0.5 }) },
  { code: 'mic-clipping', record: bobHas({}, { deviceClippingEventRatio: 0.3 }) },
  { code: 'video-low-frame-rate', record: peerToPeer({ media: [{}, { label: 'main-video', calleeToCaller: healthyVideo({ averageVideoFrameLossPercentage: null, averageVideoFrameRate: 4 }) }] }) },
  { code: 'video-frame-loss', record: peerToPeer({ media: [{}, { label: 'main-video', calleeToCaller: healthyVideo({ averageVideoFrameLossPercentage: 70 }) }] }) },
];

const SPECIAL: { code: CauseCode; record: Fields; user: string; verdict: string; side: string }[] = [
  { code: 'dropped-unexpectedly', record: peerToPeer({ failure: { stage: 'midcall', reason: 'Connection lost' } }), user: ALICE.id, verdict: 'dropped', side: 'unknown' },
  { code: 'media-connectivity-failed', record: peerToPeer({ failure: { stage: 'callSetup', reason: 'MediaConnectivityErrors' } }), user: ALICE.id, verdict: 'setup-failed', side: 'unknown' },
  { code: 'no-quality-data', record: peerToPeer({ media: [{ callerToCallee: { averageJitter: null }, calleeToCaller: null }] }), user: ALICE.id, verdict: 'unclassified', side: 'unknown' },
  { code: 'user-rated-poor', record: peerToPeer({ caller: { ...ALICE, rating: 'bad' } }), user: ALICE.id, verdict: 'poor', side: 'unknown' },
  {
    code: 'video-freezes',
    record: peerToPeer({ media: [{}, { label: 'main-video', calleeToCaller: healthyVideo({ averageVideoFrameLossPercentage: null, averageVideoFrameRate: 5, averageFreezeDuration: 'PT3S' }) }] }),
    user: ALICE.id,
    verdict: 'poor',
    side: 'other',
  },
];

describe('cause codes in a 1:1 call', () => {
  // Bob's speaker shaped what Bob heard, not what Alice heard: for Alice it is a note about his experience.
  const RENDER: readonly CauseCode[] = ['speaker-not-working', 'speaker-muted'];

  it.each(ROWS.filter((r) => !RENDER.includes(r.code)))('when the problem is $code on Bob\'s side then Bob hears it is his side and Alice hears it is the other side', ({ code, record }) => {
    const alice = diagnoseCall(record, ALICE.id);
    const bob = diagnoseCall(record, BOB.id);
    expect(alice.verdict).toBe('poor');
    expect({ code: alice.causes[0]?.code, side: alice.causes[0]?.side }).toEqual({ code, side: 'other' });
    expect(bob.verdict).toBe('poor');
    expect({ code: bob.causes[0]?.code, side: bob.causes[0]?.side }).toEqual({ code, side: 'you' });
  });

  it.each(ROWS.filter((r) => RENDER.includes(r.code)))("when Bob's $code only shaped what he heard then it is his cause, and for Alice a note about his experience", ({ code, record }) => {
    const alice = diagnoseCall(record, ALICE.id);
    const bob = diagnoseCall(record, BOB.id);
    expect(alice.verdict).toBe('good');
    expect(alice.causes).toEqual([]);
    expect(alice.notes).toEqual([expect.objectContaining({ code: 'their-experience', side: 'other', text: expect.stringMatching(/^Bob Lee's speaker .*their experience, not yours$/) })]);
    expect(bob.verdict).toBe('poor');
    expect({ code: bob.causes[0]?.code, side: bob.causes[0]?.side }).toEqual({ code, side: 'you' });
  });

  it.each(SPECIAL)('when the record shows $code then the verdict is $verdict and it is listed', ({ code, record, user, verdict, side }) => {
    const d = diagnoseCall(record, user);
    expect(d.verdict).toBe(verdict);
    expect(d.causes.find((c) => c.code === code)?.side).toBe(side);
  });

  it('covers every cause code of the contract', () => {
    const covered = new Set<string>([...ROWS.map((r) => r.code), ...SPECIAL.map((s) => s.code)]);
    const all: CauseCode[] = ['wifi-weak-signal', 'wifi-2.4ghz', 'vpn', 'tcp-fallback', 'mobile-network', 'high-latency', 'packet-loss', 'jitter', 'low-bandwidth', 'mic-not-working', 'speaker-not-working', 'speaker-muted', 'audio-glitches', 'cpu-overload', 'echo-howling', 'low-speech-level', 'mic-clipping', 'video-low-frame-rate', 'video-frame-loss', 'video-freezes', 'media-connectivity-failed', 'dropped-unexpectedly', 'no-quality-data', 'user-rated-poor', 'congested-network'];
    expect(all.filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe('root causes and the symptoms they explain', () => {
  it('when Wi-Fi is weak and packets are lost then Wi-Fi ranks first and the loss follows as a symptom', () => {
    const d = diagnoseCall(bobHas({ connectionType: 'wifi', wifiSignalStrength: 21, wifiBand: 'frequency24GHz' }, {}, LOSSY), ALICE.id);
    const codes = d.causes.map((c) => c.code);
    expect(codes[0]).toBe('wifi-weak-signal');
    expect(codes.indexOf('packet-loss')).toBeGreaterThan(0);
    expect(d.causes[0]!.evidence).toBe("Bob Lee's Wi-Fi signal was 21% on 2.4 GHz; 13% of the audio packets Bob Lee sent you were lost");
  });

  it('when the round trip is long and neither side reported delay then the side is unknown', () => {
    // Round trip is shared by both directions, so the stream direction does not say whose network added it.
    const d = diagnoseCall(bobHas({}, {}, SLOW), ALICE.id);
    expect(d.causes[0]).toMatchObject({ code: 'high-latency', side: 'unknown' });
  });

  it('when a VPN adds the delay then the VPN ranks above the delay it explains', () => {
    const d = diagnoseCall(bobHas({ connectionType: 'tunnel', delayEventRatio: 0.3 }), BOB.id);
    expect(d.causes.map((c) => `${c.code}/${c.side}`)).toEqual(['vpn/you', 'high-latency/you']);
  });

  it('when only a symptom is there then the evidence says nothing explains it', () => {
    const d = diagnoseCall(bobHas({}, {}, LOSSY), ALICE.id);
    expect(d.causes[0]!.code).toBe('packet-loss');
    expect(d.causes[0]!.evidence).toMatch(/nothing else in the record .* explains it/);
  });

  it('when my own Wi-Fi is weak then the advice tells me what to do, not to ask someone else', () => {
    const d = diagnoseCall(bobHas({ connectionType: 'wifi', wifiSignalStrength: 21 }, {}, LOSSY), BOB.id);
    expect(d.causes[0]!.advice).toMatch(/^Move closer to the Wi-Fi access point/);
    expect(d.summary).toMatch(/^Your call quality was poor, most likely because of a weak Wi-Fi signal on your side\./);
  });

  it("when the other person's Wi-Fi is weak then the advice asks them by name", () => {
    const d = diagnoseCall(bobHas({ connectionType: 'wifi', wifiSignalStrength: 21 }, {}, LOSSY), ALICE.id);
    expect(d.causes[0]!.advice).toMatch(/^Ask Bob Lee to move closer/);
    expect(d.summary).toContain("on Bob Lee's side");
  });

  it('when the user on weak Wi-Fi only receives bad audio then their own Wi-Fi still explains it', () => {
    // Wi-Fi hurts both directions; the clean sender has nothing to blame.
    const record = peerToPeer({ caller: { ...ALICE, network: { connectionType: 'wifi', wifiSignalStrength: 18 } }, media: [{ calleeToCaller: LOSSY }] });
    const d = diagnoseCall(record, ALICE.id);
    expect({ code: d.causes[0]?.code, side: d.causes[0]?.side }).toEqual({ code: 'wifi-weak-signal', side: 'you' });
  });
});

describe('meetings', () => {
  const meeting = (aliceSent: Fields, bobSent: Fields, bobNetwork: Fields = {}): Fields =>
    groupCall([{ participant: { ...ALICE }, sent: aliceSent }, { participant: { ...BOB, network: bobNetwork }, sent: bobSent }, { participant: { ...CAROL } }]);

  it("when Bob's weak Wi-Fi spoils what he sends then Alice hears it was Bob's side and Carol too", () => {
    const record = meeting(healthyAudio(), LOSSY, { connectionType: 'wifi', wifiSignalStrength: 20 });
    for (const user of [ALICE.id, CAROL.id]) {
      const d = diagnoseCall(record, user);
      expect({ verdict: d.verdict, code: d.causes[0]?.code, side: d.causes[0]?.side }).toEqual({ verdict: 'poor', code: 'wifi-weak-signal', side: 'other' });
    }
    expect(diagnoseCall(record, BOB.id).causes[0]).toMatchObject({ code: 'wifi-weak-signal', side: 'you' });
  });

  it("when only what the service sent to Bob was bad then Alice's call is good", () => {
    const record = groupCall([{ participant: ALICE }, { participant: BOB, received: LOSSY }]);
    expect(diagnoseCall(record, ALICE.id).verdict).toBe('good');
    expect(diagnoseCall(record, BOB.id).verdict).toBe('poor');
  });

  it("when Bob's speaker is muted in a meeting then only Bob's call is poor", () => {
    const record = groupCall([{ participant: ALICE }, { participant: { ...BOB, device: { renderMuteEventRatio: 1 } } }]);
    expect(diagnoseCall(record, ALICE.id).verdict).toBe('good');
    expect(diagnoseCall(record, BOB.id).causes[0]).toMatchObject({ code: 'speaker-muted', side: 'you' });
  });

  it("when Bob's microphone is dead in a meeting then Alice's call is poor because of Bob's side", () => {
    const record = groupCall([{ participant: ALICE }, { participant: { ...BOB, device: { captureNotFunctioningEventRatio: 0.9 } } }]);
    expect(diagnoseCall(record, ALICE.id).causes[0]).toMatchObject({ code: 'mic-not-working', side: 'other' });
  });

  it("when Bob's leg dropped then Alice's call did not drop", () => {
    const record = groupCall([{ participant: ALICE }, { participant: BOB, failure: { stage: 'midcall' } }]);
    expect(diagnoseCall(record, ALICE.id).verdict).toBe('good');
    expect(diagnoseCall(record, BOB.id).verdict).toBe('dropped');
  });

  it('when loss on the service-to-user stream has no explanation then the side is unknown, not the service', () => {
    const record = groupCall([{ participant: ALICE, received: LOSSY }, { participant: BOB }]);
    expect(diagnoseCall(record, ALICE.id).causes[0]).toMatchObject({ code: 'packet-loss', side: 'unknown' });
  });
});

describe('whose endpoint is the user', () => {
  it('when endpoints carry only the deprecated identity.user then the user is still found', () => {
    const record = peerToPeer({ caller: { ...ALICE, legacyIdentity: true }, callee: { ...BOB, legacyIdentity: true, network: { connectionType: 'tunnel' } }, media: [{ calleeToCaller: JITTERY }] });
    expect(diagnoseCall(record, ALICE.id).causes[0]).toMatchObject({ code: 'vpn', side: 'other' });
    expect(diagnoseCall(record, BOB.id.toUpperCase()).causes[0]).toMatchObject({ code: 'vpn', side: 'you' });
  });

  it('when the user is on no endpoint then people are on an unknown side and streams count as other', () => {
    const record = bobHas({ connectionType: 'tunnel' }, {}, JITTERY);
    const d = diagnoseCall(record, CAROL.id);
    expect(d.causes[0]).toMatchObject({ code: 'vpn', side: 'unknown' });
    expect(d.segments[0]!.streams.every((s) => s.relative === 'other')).toBe(true);
  });
});

describe('participants_v2 as a hint', () => {
  it('when the user is listed in participants_v2 but the only anonymous endpoint is theirs then that endpoint is the user', () => {
    const record = peerToPeer({ caller: { id: null }, callee: { ...BOB, network: { connectionType: 'tunnel' } }, media: [{ calleeToCaller: JITTERY }] });
    const withAlice = { ...record, participants_v2: [{ id: ALICE.id }, { id: BOB.id }] };
    expect(diagnoseCall(withAlice, ALICE.id).causes[0]).toMatchObject({ code: 'vpn', side: 'other' });
    // Not listed: the engine does not guess.
    expect(diagnoseCall({ ...record, participants_v2: [{ id: BOB.id }] }, ALICE.id).causes[0]).toMatchObject({ code: 'vpn', side: 'unknown' });
  });

  it('when the user took no part then the summary speaks of "this call", not "your call"', () => {
    const d = diagnoseCall(bobHas({ connectionType: 'tunnel' }, {}, JITTERY), CAROL.id);
    expect(d.summary).toMatch(/^This call's quality was poor/);
  });
});

describe('long cause lists', () => {
  it('when forty meeting participants all have dead microphones then they are one grouped cause, not forty', () => {
    const legs = Array.from({ length: 40 }, (_, i) => ({ participant: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Person ${i}`, device: { captureNotFunctioningEventRatio: 1 } } }));
    const d = diagnoseCall(groupCall([{ participant: ALICE }, ...legs]), ALICE.id);
    expect(d.causes).toHaveLength(1);
    expect(d.causes[0]).toMatchObject({ code: 'mic-not-working', side: 'other' });
    expect(d.causes[0]!.evidence).toMatch(/^40 attendees sent poor audio or video to the meeting because of a microphone that was not working \(Person \d+, Person \d+ and 38 more\)/);
    expect(d.causes[0]!.advice).toMatch(/^Ask the 40 attendees concerned to check/);
    expect(d.summary).toContain('among 40 other attendees');
  });
});

describe('dropped and failed calls', () => {
  it('when the call dropped while my Wi-Fi was weak then Wi-Fi leads and the drop follows', () => {
    const record = peerToPeer({ caller: { ...ALICE, network: { connectionType: 'wifi', wifiSignalStrength: 15 } }, failure: { stage: 'midcall' } });
    const d = diagnoseCall(record, ALICE.id);
    expect(d.verdict).toBe('dropped');
    expect(d.causes.map((c) => `${c.code}/${c.side}`).slice(0, 2)).toEqual(['wifi-weak-signal/you', 'dropped-unexpectedly/unknown']);
    expect(d.summary).toMatch(/^Your call dropped unexpectedly after it had connected, most likely because of a weak Wi-Fi signal on your side\./);
  });

  it('when the call dropped and my speaker was muted then the drop leads: a muted speaker does not end a call', () => {
    const record = peerToPeer({ caller: { ...ALICE, device: { renderMuteEventRatio: 1 } }, failure: { stage: 'midcall' } });
    expect(diagnoseCall(record, ALICE.id).causes.map((c) => c.code)).toEqual(['dropped-unexpectedly', 'speaker-muted']);
  });

  it('when the call never connected behind a VPN then the VPN leads', () => {
    const record = peerToPeer({ callee: { ...BOB, network: { connectionType: 'tunnel' } }, failure: { stage: 'callSetup', reason: 'ICE failed' } });
    const d = diagnoseCall(record, BOB.id);
    expect(d.verdict).toBe('setup-failed');
    expect(d.causes.map((c) => `${c.code}/${c.side}`)).toEqual(['vpn/you', 'media-connectivity-failed/unknown']);
  });
});

describe('the same symptom in both directions', () => {
  it('when both directions jitter but my outgoing audio jitters far more then both are put on my side', () => {
    const record = peerToPeer({ media: [{ callerToCallee: healthyAudio({ averageJitter: 'PT0.06S' }), calleeToCaller: healthyAudio({ averageJitter: 'PT0.035S' }) }] });
    const d = diagnoseCall(record, ALICE.id);
    expect(d.causes.map((c) => `${c.code}/${c.side}`)).toEqual(['jitter/you']);
  });
});

describe('phone participants', () => {
  it('when the other participant is a phone number then the answer shows only its last digits', () => {
    const phone = { id: '+14255550123', name: '+1 425 555 0123', network: { connectionType: 'mobile' } };
    const d = diagnoseCall(peerToPeer({ callee: phone, media: [{ calleeToCaller: JITTERY }] }), ALICE.id);
    expect(d.causes[0]).toMatchObject({ code: 'mobile-network', side: 'other' });
    expect(JSON.stringify(d)).not.toMatch(/425 555|4255550123/);
    expect(d.summary).toContain("+* *** *** 0123's side");
  });
});

describe('cause codes in a meeting', () => {
  /** Bob's leg carries the problem; Alice and Carol are healthy. */
  function meetingWhereBobHas(network: Fields, device: Fields = {}, sent: Fields = healthyAudio(), video?: Fields): Fields {
    const extraMedia = video ? [{ label: 'main-video', callerToCallee: video, calleeToCaller: healthyVideo() }] : [];
    return groupCall([{ participant: ALICE }, { participant: { ...BOB, network, device }, sent, extraMedia }, { participant: CAROL }]);
  }

  const SENDING: [CauseCode, Fields][] = [
    ['wifi-weak-signal', meetingWhereBobHas({ connectionType: 'wifi', wifiSignalStrength: 21 }, {}, LOSSY)],
    ['wifi-2.4ghz', meetingWhereBobHas({ connectionType: 'wifi', wifiSignalStrength: 65, wifiBand: 'frequency24GHz' }, {}, JITTERY)],
    ['vpn', meetingWhereBobHas({ connectionType: 'tunnel' }, {}, JITTERY)],
    ['tcp-fallback', meetingWhereBobHas({ networkTransportProtocol: 'tcp' }, {}, JITTERY)],
    ['mobile-network', meetingWhereBobHas({ connectionType: 'mobile', delayEventRatio: 0.3 }, {}, JITTERY)],
    ['low-bandwidth', meetingWhereBobHas({ bandwidthLowEventRatio: 0.4 })],
    ['congested-network', meetingWhereBobHas({ sentQualityEventRatio: 0.35 }, {}, LOSSY)],
    ['high-latency', meetingWhereBobHas({ delayEventRatio: 0.3 })],
    ['packet-loss', meetingWhereBobHas({}, {}, LOSSY)],
    ['jitter', meetingWhereBobHas({}, {}, JITTERY)],
    ['mic-not-working', meetingWhereBobHas({}, { captureNotFunctioningEventRatio: 0.8 })],
    ['audio-glitches', meetingWhereBobHas({}, { deviceGlitchEventRatio: 0.25 })],
    ['cpu-overload', meetingWhereBobHas({}, { cpuInsufficentEventRatio: 0.4 })],
    ['echo-howling', meetingWhereBobHas({}, { howlingEventCount: 12 })],
    ['low-speech-level', meetingWhereBobHas({}, { lowSpeechLevelEventRatio: 0.5 })],
    ['mic-clipping', meetingWhereBobHas({}, { deviceClippingEventRatio: 0.3 })],
    ['video-low-frame-rate', meetingWhereBobHas({}, {}, healthyAudio(), healthyVideo({ averageVideoFrameLossPercentage: null, averageVideoFrameRate: 4 }))],
    ['video-frame-loss', meetingWhereBobHas({}, {}, healthyAudio(), healthyVideo({ averageVideoFrameLossPercentage: 70 }))],
  ];

  it.each(SENDING)("when Bob's leg shows %s then Alice and Carol hear it is the other side and Bob hears it is his", (code, record) => {
    for (const user of [ALICE.id, CAROL.id]) expect(diagnoseCall(record, user).causes[0]).toMatchObject({ code, side: 'other' });
    expect(diagnoseCall(record, BOB.id).causes[0]).toMatchObject({ code, side: 'you' });
  });

  it.each([
    ['speaker-not-working', { renderNotFunctioningEventRatio: 0.8 }],
    ['speaker-muted', { renderMuteEventRatio: 0.9 }],
  ] as const)("when Bob's %s then only Bob's call is poor: nobody else listens through his speaker", (code, device) => {
    const record = meetingWhereBobHas({}, device);
    expect(diagnoseCall(record, ALICE.id).verdict).toBe('good');
    expect(diagnoseCall(record, BOB.id).causes[0]).toMatchObject({ code, side: 'you' });
  });

  it("when Bob joined after Alice had left then Bob's weak Wi-Fi does not touch Alice's call", () => {
    const record = meetingWhereBobHas({ connectionType: 'wifi', wifiSignalStrength: 21 }, {}, LOSSY);
    const sessions = record.sessions as Fields[];
    Object.assign(sessions[0]!, { startDateTime: '2026-11-20T09:00:00Z', endDateTime: '2026-11-20T09:59:55Z' });
    expect(diagnoseCall(record, ALICE.id).verdict).toBe('good');
    expect(diagnoseCall(record, CAROL.id).causes[0]).toMatchObject({ code: 'wifi-weak-signal', side: 'other' });
  });
});
