// A week of Alex's calls, each with one distinct problem, for symptom, follow-up and period tests:
// every question has exactly one right call, so a test can assert which call an answer is about.
// The clock is TEST_NOW (Saturday 28 Nov 2026, 15:00 UTC); times below are UTC.
import type { FullCallRecord } from '../../graph/contract.js';
import type { Diagnosis } from '../../diagnosis/types.js';
import type { TestPerson } from './activities.js';
import { LENA, MEGAN, RAVI } from './activities.js';
import { testCall, testPeople } from './callRecords.js';
import type { ScriptedCall } from './scriptedDiagnosis.js';
import { scriptedDiagnose } from './scriptedDiagnosis.js';
import type { TestBot, TestBotOptions } from './testBot.js';
import { createTestBot } from './testBot.js';

export const TOMAS: TestPerson = { id: '55555555-ffff-4fff-8fff-000000000005', name: 'Tomas Berg' };

/** Call ids of the world, named by what each one shows. */
export const WORLD = {
  /** Today 14:30 with Lena: fine. The newest call. */
  newestFine: 'w-newest-fine',
  /** Today 13:00 with Megan: Alex's computer was overloaded (robotic audio). */
  cpu: 'w-cpu',
  /** Today 11:00 with Ravi: Alex's speaker was muted (Alex heard nothing). */
  speakerMuted: 'w-speaker-muted',
  /** Today 09:00 with Tomas: Alex's microphone was not working (nobody heard Alex). */
  micDead: 'w-mic-dead',
  /** Yesterday 19:00 with Megan: dropped mid-call. */
  dropped: 'w-dropped',
  /** Yesterday 15:00 with Lena: Lena's video froze. */
  videoFroze: 'w-video-froze',
  /** Yesterday 10:00 with Ravi: echo from Ravi's device. */
  echo: 'w-echo',
  /** Thursday 26 Nov 10:00 with Tomas: high network delay on Alex's side. */
  delay: 'w-delay',
  /** Wednesday 25 Nov 16:00: the all hands, 40 people, fine. */
  allHands: 'w-all-hands',
  /** Monday 23 Nov 09:00 with Ravi: weak Wi-Fi and packet loss on Alex's side. */
  wifi: 'w-wifi',
  /** Today 12:00, Megan and Ravi without Alex, microphone trouble: must never be shown to Alex. */
  notAlexs: 'w-not-alexs',
} as const;

export const WORLD_RECORDS: readonly FullCallRecord[] = [
  testCall({ id: WORLD.newestFine, start: '2026-11-28T14:30:00Z', minutes: 15, with: [LENA] }),
  testCall({ id: WORLD.cpu, start: '2026-11-28T13:00:00Z', minutes: 30, with: [MEGAN] }),
  testCall({ id: WORLD.speakerMuted, start: '2026-11-28T11:00:00Z', minutes: 20, with: [RAVI] }),
  testCall({ id: WORLD.micDead, start: '2026-11-28T09:00:00Z', minutes: 25, with: [TOMAS] }),
  testCall({ id: WORLD.dropped, start: '2026-11-27T19:00:00Z', minutes: 8, with: [MEGAN], quality: 'dropped' }),
  testCall({ id: WORLD.videoFroze, start: '2026-11-27T15:00:00Z', minutes: 30, with: [LENA], modalities: ['audio', 'video'] }),
  testCall({ id: WORLD.echo, start: '2026-11-27T10:00:00Z', minutes: 30, with: [RAVI] }),
  testCall({ id: WORLD.delay, start: '2026-11-26T10:00:00Z', minutes: 30, with: [TOMAS] }),
  testCall({ id: WORLD.allHands, start: '2026-11-25T16:00:00Z', minutes: 60, with: [RAVI, LENA, ...testPeople(37)] }),
  testCall({ id: WORLD.wifi, start: '2026-11-23T09:00:00Z', minutes: 30, with: [RAVI] }),
  testCall({ id: WORLD.notAlexs, start: '2026-11-28T12:00:00Z', minutes: 30, asker: MEGAN, with: [RAVI] }),
];

export const WORLD_SCRIPT: Readonly<Record<string, ScriptedCall>> = {
  [WORLD.cpu]: { causes: [{ code: 'cpu-overload', side: 'you', evidence: 'your computer was too busy (CPU) to process audio for 35% of the call', advice: 'Close other apps and plug your laptop in.' }] },
  [WORLD.speakerMuted]: { causes: [{ code: 'speaker-muted', side: 'you', evidence: 'your speaker was muted for 80% of the call', advice: 'Unmute your speaker or raise its volume.' }] },
  [WORLD.micDead]: { causes: [{ code: 'mic-not-working', side: 'you', evidence: 'your microphone was not working for 62% of the call', advice: 'Check the microphone in Teams under Settings > Devices.', facts: [{ field: 'sessions[0].segments[0].media[0].callerDevice.captureNotFunctioningEventRatio', value: 0.62, threshold: 0.005 }] }] },
  [WORLD.videoFroze]: { causes: [{ code: 'video-freezes', side: 'other', evidence: "the video Lena sent you froze for 2.5 s on average", advice: 'Ask Lena to check her network.' }] },
  [WORLD.echo]: { causes: [{ code: 'echo-howling', side: 'other', evidence: "Ravi's device picked up howling (feedback) 12 times", advice: 'Ask Ravi to use a headset.' }] },
  [WORLD.delay]: { causes: [{ code: 'high-latency', side: 'you', evidence: 'the round trip for the audio you sent averaged 640 ms', advice: 'Avoid the VPN for Teams calls.' }] },
  [WORLD.wifi]: {
    causes: [
      { code: 'wifi-weak-signal', side: 'you', evidence: 'your Wi-Fi signal was 21% on 2.4 GHz', advice: 'Move closer to the access point or use a cable.' },
      { code: 'packet-loss', side: 'you', evidence: '13% of the packets you sent were lost', advice: 'Use a cable.', confidence: 0.6 },
    ],
  },
  [WORLD.notAlexs]: { causes: [{ code: 'mic-not-working', side: 'other', evidence: "Megan's microphone was not working", advice: '-' }] },
};

export const worldDiagnose: (record: FullCallRecord, userId: string) => Diagnosis = scriptedDiagnose(WORLD_SCRIPT);

/** The test bot over the world (Alex asks; times in UTC unless the message says otherwise). */
export function createWorldBot(options: TestBotOptions = {}): TestBot {
  return createTestBot({ records: WORLD_RECORDS, diagnose: worldDiagnose, ...options });
}
