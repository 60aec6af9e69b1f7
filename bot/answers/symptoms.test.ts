// Symptoms as a parameter of the call intents: which of the asker's calls best shows what they
// describe, an honest "none did" with what else to check, and the participation check throughout.
import { describe, expect, it } from 'vitest';
import { diagnoseCall } from '../../diagnosis/index.js';
import { LENA, RAVI } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { ask } from '../testing/conversation.js';
import { createWorldBot, TOMAS, WORLD } from '../testing/symptomWorld.js';
import { createTestBot } from '../testing/testBot.js';

describe('symptom search', () => {
  it('when the newest call was fine and an earlier one showed the symptom, then the answer says so and is about that call', async () => {
    const answer = await ask(createWorldBot(), 'Nobody could hear me!');
    expect(answer.title).toBe("Your last call was fine, but this morning's call with Tomas Berg showed it: your microphone was not working for 62% of the call.");
    expect(answer.callId).toBe(WORLD.micDead);
    expect(answer.activity.summary).toBe(answer.title);
  });

  it('when no call showed the symptom, then the bot says how many it checked and what else to check', async () => {
    const bot = createTestBot({ records: [testCall({ id: 'fine-1', start: '2026-11-28T10:00:00Z', with: [RAVI] }), testCall({ id: 'fine-2', start: '2026-11-27T10:00:00Z', with: [LENA] })] });
    const answer = await ask(bot, 'is my microphone broken');
    expect(answer.title).toBe('None of your calls in the last 30 days showed other people not hearing you');
    expect(answer.text).toContain('I checked your 2 most recent calls in the last 30 days');
    expect(answer.text).toContain('Settings > Devices');
    expect(answer.text).toContain('Make a test call');
    expect(answer.callId).toBeNull();
  });

  it('when Alex names the newest call and it did not show the symptom, then that call is answered with an honest lead', async () => {
    const answer = await ask(createWorldBot(), 'my last call sounded robotic');
    expect(answer.callId).toBe(WORLD.newestFine);
    expect(answer.title).toBe("Your last call's record shows no sign of robotic or choppy audio.");
  });

  it('when the best match is a call Alex was not on, then it is never chosen', async () => {
    const notAlexs = testCall({ id: 'megans', start: '2026-11-28T14:00:00Z', asker: LENA, with: [RAVI], askerDevice: { captureNotFunctioningEventRatio: 0.8 } });
    const alexs = testCall({ id: 'alexs', start: '2026-11-28T10:00:00Z', with: [RAVI] });
    const bot = createTestBot({ records: [notAlexs, alexs], diagnose: (record, userId) => diagnoseCall(record, userId) });
    // The index lists Lena's call under Alex by mistake: the record's participants are the proof.
    const indexed = bot.calls.recentCalls.bind(bot.calls);
    bot.calls.recentCalls = async (userId, query) => [...(await indexed(LENA.id, query)), ...(await indexed(userId, query))];
    const answer = await ask(bot, 'nobody could hear me');
    expect(answer.callId).toBeNull();
    expect(answer.title).toContain('None of your calls');
  });

  it('when the real diagnosis finds the asker’s microphone dead on an older call, then "nobody could hear me" answers with it', async () => {
    const records = [
      testCall({ id: 'recent-fine', start: '2026-11-28T14:00:00Z', with: [RAVI] }),
      testCall({ id: 'mic-dead', start: '2026-11-28T09:00:00Z', with: [TOMAS], askerDevice: { captureNotFunctioningEventRatio: 0.6 } }),
    ];
    const bot = createTestBot({ records, diagnose: (record, userId) => diagnoseCall(record, userId) });
    const answer = await ask(bot, 'nobody could hear me');
    expect(answer.callId).toBe('mic-dead');
    expect(answer.causeCode).toBe('mic-not-working');
    expect(answer.title).toContain("but this morning's call with Tomas Berg showed it: your microphone was not working");
  });

  it('when Alex asks for a list of calls with a symptom, then only those calls are listed, with the period in the title', async () => {
    const answer = await ask(createWorldBot(), 'which calls had robotic audio this week');
    expect(answer.title).toBe('Your calls showing robotic or choppy audio this week');
    expect(answer.text).toContain('Megan Bowen');
    expect(answer.text).toContain('Ravi Patel'); // Monday's Wi-Fi call lost packets
    expect(answer.text).not.toContain('Lena Fischer');
  });
});

describe('periods and meetings said back', () => {
  it('when Alex asks for calls in the past 2 days, then the list covers exactly that and says so', async () => {
    const answer = await ask(createWorldBot(), 'my calls in the past 2 days');
    expect(answer.title).toBe('Your calls in the past 2 days');
    expect(answer.text).not.toContain('Tomas Berg, 30 min'); // Thursday 10:00 is more than 2 days ago
    expect(answer.text).toContain('Tomas Berg, 25 min'); // this morning
  });

  it('when no call falls in the period, then the title names the period', async () => {
    const answer = await ask(createWorldBot(), 'how was my call with lena before lunch');
    expect(answer.title).toBe('No call with lena before lunch today');
  });

  it('when Alex asks for the all hands, then the biggest meeting is answered and the bot says it went by size', async () => {
    const answer = await ask(createWorldBot(), 'how was the all hands');
    expect(answer.callId).toBe(WORLD.allHands);
    expect(answer.title).toBe("The all hands: your biggest meeting in the last 30 days (40 people). Call records don't include meeting titles, so I went by size.");
  });

  it('when Alex asks for a 1:1 with a person, then a meeting with more people is not chosen', async () => {
    const answer = await ask(createWorldBot(), 'my 1:1 with lena');
    expect(answer.callId).toBe(WORLD.newestFine);
  });
});
