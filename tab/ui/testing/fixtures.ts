// Answers the fake API gives in page tests, built from diagnosis/'s record builder.
import { ALICE, BOB, CAROL, groupCall, healthyAudio, minutes } from '../../../diagnosis/testing/recordBuilder.js';
import type { CallDetail, CallsPage, MyQualityResponse, TeamQualityResponse } from '../api/types.js';

export { ALICE, BOB, CAROL };

export const poorAudio = healthyAudio({ averageJitter: 'PT0.045S', averagePacketLossRate: 0.13, maxJitter: 'PT0.12S' });

export function meetingDetail(sessions = 75): CallDetail {
  const others = Array.from({ length: sessions - 2 }, (_, i) => ({
    participant: { id: `0000000${i}-0000-4000-8000-00000000000${i % 10}`, name: `Person ${i + 1}` },
    timing: minutes(i % 20, 30),
  }));
  const record = groupCall([
    ...others,
    { participant: CAROL, sent: poorAudio, timing: minutes(5, 12), failure: { stage: 'midcall', reason: 'network' } },
    { participant: CAROL, timing: minutes(13, 30) },
  ]);
  return {
    id: String(record.id),
    version: 1,
    startDateTime: String(record.startDateTime),
    endDateTime: String(record.endDateTime),
    type: 'groupCall',
    modalities: ['audio'],
    with: ['Person 1', 'Person 2'],
    diagnosis: {
      verdict: 'dropped',
      summary: 'Your call dropped, and you rejoined.',
      causes: [{ code: 'packet-loss', side: 'you', confidence: 0.8, evidence: '13% of the audio packets you sent were lost', advice: 'Use a cable.', facts: [] }],
      notes: [{ code: 'brief-spike', side: 'you', text: 'For a moment jitter reached 450 ms on the audio you sent, though its average stayed good.', facts: [] }],
      rejoined: true,
    },
    sessions: record.sessions as CallDetail['sessions'],
    participants: [],
    viewedUserId: CAROL.id,
    helpdesk: false,
  };
}

export const callsPage = (ids: string[], next: string | null = null): CallsPage => ({
  calls: ids.map((id, i) => ({
    id,
    startDateTime: `2026-11-2${i}T10:00:00Z`,
    endDateTime: `2026-11-2${i}T10:30:00Z`,
    type: i % 2 ? 'groupCall' : 'peerToPeer',
    modalities: i % 2 ? ['audio', 'video'] : ['audio'],
    verdict: i === 0 ? 'poor' : 'good',
    with: i % 2 ? ['Alice Park', 'Bob Lee', 'Dan Wu', 'Eve Ng'] : ['Alice Park'],
    kind: i % 2 ? 'meeting' : 'oneOnOne',
    topCause: i === 0 ? 'wifi-2.4ghz' : null,
  })),
  next,
  helpdesk: false,
});

const row = (key: string, calls: number, poor: number, dropped = 0) => ({ key, label: key === '2.4 GHz' ? '2.4 GHz Wi-Fi' : key, calls, poor, dropped, poorRate: poor / calls, droppedRate: dropped / calls });

export const myQuality: MyQualityResponse = {
  days: 30,
  truncated: false,
  quality: {
    calls: 20,
    poor: 9,
    dropped: 2,
    poorRate: 0.45,
    droppedRate: 0.1,
    by: {
      connectionType: [row('wired', 8, 1), row('wifi', 12, 8, 2)],
      wifiBand: [row('5 GHz', 3, 1), row('2.4 GHz', 9, 7, 2)],
      vpn: [row('false', 20, 9, 2)],
      device: [row('Surface Laptop Microphone', 20, 9, 2)],
      client: [row('Teams desktop (Windows)', 20, 9, 2)],
      timeOfDay: [row('morning', 10, 2), row('afternoon', 10, 7, 2)],
    },
    recurring: { code: 'wifi-2.4ghz', dimension: 'wifiBand', bucket: '2.4 GHz', count: 7, ofPoor: 9, sentence: '7 of your 9 poor calls were on 2.4 GHz Wi-Fi.', advice: 'Switch to 5 GHz or use a cable.' },
    headline: 'Most of your poor calls were on 2.4 GHz Wi-Fi.',
  },
};

const metric = (value: number, target: number) => ({ value, target, meetsTarget: value <= target });

export const teamShown: TeamQualityResponse = {
  groupId: 'team-1',
  days: 30,
  truncated: false,
  quality: {
    withheld: false,
    people: 8,
    calls: 120,
    poorAudioStreams: metric(0.05, 0.03),
    setupFailures: metric(0.005, 0.01),
    drops: metric(0.02, 0.03),
    poorRate: 0.12,
    overTime: [{ start: '2026-11-02', calls: 60, poorRate: 0.1, droppedRate: 0.02 }],
    topCauses: [{ code: 'wifi-2.4ghz', calls: 9, share: 0.6 }],
    connectionTypes: [row('wifi', 70, 12), row('wired', 50, 2)],
    wifiBands: [row('2.4 GHz', 30, 9)],
    subnets: [row('10.1.2.0/24', 40, 8)],
  },
};

export const teamWithheld: TeamQualityResponse = {
  groupId: 'team-2',
  days: 30,
  truncated: false,
  quality: { withheld: true, people: 3, minimumPeople: 5, reason: 'This team has 3 people with calls; Call Doctor shows aggregates only over 5 or more, so no one can be singled out.' },
};
