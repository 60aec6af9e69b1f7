// Questions as people type them after a bad call (typos, no punctuation, no "call"), each checked
// for what the answer is about: which of Alex's calls, and which cause it names. The world is
// bot/testing/symptomWorld.ts: one call per problem, so every question has one right answer.
import { describe, expect, it } from 'vitest';
import { ask } from '../testing/conversation.js';
import { createWorldBot, WORLD } from '../testing/symptomWorld.js';

type Expected = { call: string; cause?: string | null; says?: string };

const phrasings: [question: string, expected: Expected][] = [
  // nobody could hear me -> this morning's call with Tomas, Alex's microphone
  ['nobody could hear me', { call: WORLD.micDead, cause: 'mic-not-working', says: 'this morning' }],
  ['Nobody could hear me!', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['noone could hear me', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['no one could hear me on the call', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['they couldnt hear me', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['ppl cant hear me', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['people said they cant here me', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['is my microphone broken', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['is my mic broken?', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['is my mircophone broken', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['my mic isnt working', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['mic not working again', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['microphone problems', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['everyone said i was on mute but i wasnt', { call: WORLD.micDead, cause: 'mic-not-working' }],
  ['tomas couldnt hear me', { call: WORLD.micDead, cause: 'mic-not-working' }],
  // can't hear anything -> the 11:00 call with Ravi, Alex's muted speaker
  ['why cant i hear anything on calls', { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  ["I couldn't hear anyone", { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  ['couldnt hear a thing', { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  ['i could not hear ravi', { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  ['no sound at all', { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  ['my headset is not working', { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  ['cant hear the others', { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  ['heard nothing in my meeting', { call: WORLD.speakerMuted, cause: 'speaker-muted' }],
  // robotic -> this afternoon's call with Megan, CPU
  ['people said I sounded like a robot', { call: WORLD.cpu, cause: 'cpu-overload', says: 'this afternoon' }],
  ['i sounded robotic', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['my voice was robtic', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['why was the audio so robotic', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['audio kept breaking up', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['sound was choppy', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['it kept cutting out', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['megan said my voice was garbled', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['crackling audio', { call: WORLD.cpu, cause: 'cpu-overload' }],
  ['i sounded like i was underwater', { call: WORLD.cpu, cause: 'cpu-overload' }],
  // echo -> yesterday's call with Ravi
  ['there was an echo', { call: WORLD.echo, cause: 'echo-howling' }],
  ['so much echo', { call: WORLD.echo, cause: 'echo-howling' }],
  ['why was there an eco', { call: WORLD.echo, cause: 'echo-howling' }],
  ['i could hear myself', { call: WORLD.echo, cause: 'echo-howling' }],
  ['horrible howling noise', { call: WORLD.echo, cause: 'echo-howling' }],
  // frozen video -> yesterday's call with Lena
  ['the video froze', { call: WORLD.videoFroze, cause: 'video-freezes' }],
  ['video kept freezing', { call: WORLD.videoFroze, cause: 'video-freezes' }],
  ['lenas video was frozen', { call: WORLD.videoFroze, cause: 'video-freezes' }],
  ['her camera was all pixelated', { call: WORLD.videoFroze, cause: 'video-freezes' }],
  ['teams kept freezing', { call: WORLD.videoFroze, cause: 'video-freezes' }],
  ['screen share froze', { call: WORLD.videoFroze, cause: 'video-freezes' }],
  // dropped -> last night's call with Megan
  ['i got disconnected', { call: WORLD.dropped, cause: 'dropped-unexpectedly' }],
  ['got kicked out of the meeting', { call: WORLD.dropped, cause: 'dropped-unexpectedly' }],
  ['the call droped', { call: WORLD.dropped, cause: 'dropped-unexpectedly' }],
  ['why did it disconect', { call: WORLD.dropped, cause: 'dropped-unexpectedly' }],
  ['it just cut off', { call: WORLD.dropped, cause: 'dropped-unexpectedly' }],
  ['lost the connection', { call: WORLD.dropped, cause: 'dropped-unexpectedly' }],
  // delay -> Thursday's call with Tomas
  ['so much lag', { call: WORLD.delay, cause: 'high-latency' }],
  ['there was a huge delay', { call: WORLD.delay, cause: 'high-latency' }],
  ['we kept talking over each other', { call: WORLD.delay, cause: 'high-latency' }],
  ['audio was out of sync', { call: WORLD.delay, cause: 'high-latency' }],
  // a symptom with a period or person searches only there
  ['nobody could hear me yesterday', { call: WORLD.echo, cause: null, says: 'None of your calls yesterday showed other people not hearing you' }],
  ['was it choppy with ravi', { call: WORLD.wifi, cause: 'wifi-weak-signal', says: '13% of the packets you sent were lost' }],
  ['robotic audio on monday', { call: WORLD.wifi, cause: 'wifi-weak-signal', says: 'Your last call on Monday' }],
  ['echo this morning', { call: '', cause: null, says: 'None of your calls this morning showed echo' }],
  // periods and meetings as said
  ['how was the call before lunch', { call: WORLD.speakerMuted, says: 'Before lunch today' }],
  ['the meeting this afternoon', { call: WORLD.newestFine, says: 'This afternoon' }],
  ['how did yesterday morning go', { call: WORLD.echo, says: 'Yesterday morning' }],
  ['how was the all hands', { call: WORLD.allHands, says: 'The all hands' }],
  ['how was the allhands', { call: WORLD.allHands }],
  ['the big meeting this week', { call: WORLD.allHands, says: 'this week' }],
  ['how was the town hall', { call: WORLD.allHands }],
  ['my call on monday', { call: WORLD.wifi, says: 'On Monday' }],
  ['thursday call with tomas', { call: WORLD.delay, says: 'On Thursday' }],
  ["last night's call", { call: WORLD.dropped }],
  ['my last call', { call: WORLD.newestFine }],
  ['how was my lastest call', { call: WORLD.newestFine }],
  ['my last call was robotic', { call: WORLD.newestFine, says: "Your last call's record shows no sign of robotic or choppy audio" }],
];

describe('questions as people type them', () => {
  it('has at least 60 phrasings', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(60);
  });

  it.each(phrasings)('when Alex writes "%s", then the answer is about the right call and cause', async (question, expected) => {
    const bot = createWorldBot();
    const answer = await ask(bot, question);
    if (expected.cause === null && expected.says?.startsWith('None')) {
      expect(answer.callId).toBeNull();
    } else {
      expect(answer.callId).toBe(expected.call);
      if (expected.cause !== undefined) expect(answer.causeCode).toBe(expected.cause);
    }
    if (expected.says) expect(answer.text).toContain(expected.says);
    // Megan's call with Ravi is never shown to Alex, whatever the question.
    expect(answer.text).not.toContain("Megan's microphone");
    expect(answer.callId).not.toBe(WORLD.notAlexs);
  });
});
