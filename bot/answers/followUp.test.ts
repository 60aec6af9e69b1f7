// Follow-ups on the call under discussion: kept in conversation turn state, per asker, persisted
// in the bot's Storage (so a restarted bot still knows it), and re-checked against the record.
import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ALEX, cardSubmit, LENA } from '../testing/activities.js';
import { ask, readAnswer } from '../testing/conversation.js';
import { createWorldBot, WORLD } from '../testing/symptomWorld.js';
import { TEST_NOW } from '../testing/testBot.js';

describe('follow-ups with a call under discussion', () => {
  it.each([
    ['was it my wifi or theirs', 'Yes, it looks like your Wi-Fi', 'your Wi-Fi signal was 21% on 2.4 GHz'],
    ['was it my Wi-Fi or theirs?', 'Yes, it looks like your Wi-Fi', 'Weak Wi-Fi signal (on your side)'],
    ['whose fault was it', 'On your side: Weak Wi-Fi signal', 'your Wi-Fi signal was 21%'],
    ['was it me or them', 'On your side: Weak Wi-Fi signal', 'your Wi-Fi signal'],
    ['was my laptop the problem', 'No sign of your computer being the problem', 'weak wi-fi signal (on your side)'],
    ['was it my vpn', 'No sign of your VPN being the problem', 'weak wi-fi signal'],
  ])('when Alex asks "%s" after the Monday call, then the answer is about that call’s side', async (question, title, detail) => {
    const bot = createWorldBot();
    expect((await ask(bot, 'my call on monday')).callId).toBe(WORLD.wifi);
    const answer = await ask(bot, question);
    expect(answer.title).toBe(title);
    expect(answer.text).toContain(detail);
    expect(answer.text).toContain("About Monday's call with Ravi Patel.");
    expect(answer.callId).toBe(WORLD.wifi);
  });

  it('when the suspected thing was on the other side, then the answer says it was not the asker’s', async () => {
    const bot = createWorldBot();
    await ask(bot, 'there was an echo');
    const answer = await ask(bot, 'was it my headset');
    expect(answer.title).toBe("Not yours: Echo or howling was on the other person's side");
    expect(answer.text).toContain("Ravi's device picked up howling");
  });

  it('when Alex asks "what about the one before that", then the previous call is answered, and again before that', async () => {
    const bot = createWorldBot();
    expect((await ask(bot, 'nobody could hear me')).callId).toBe(WORLD.micDead);
    const before = await ask(bot, 'what about the one before that?');
    expect(before.callId).toBe(WORLD.dropped);
    expect(before.title).toBe("Before this morning's call with Tomas Berg:");
    const evenEarlier = await ask(bot, 'and before that');
    expect(evenEarlier.callId).toBe(WORLD.videoFroze);
  });

  it('when Alex asks for the next one, then the call after the one under discussion is answered', async () => {
    const bot = createWorldBot();
    await ask(bot, 'nobody could hear me');
    const next = await ask(bot, 'the next one');
    expect(next.callId).toBe(WORLD.speakerMuted);
    expect(next.title).toBe("After this morning's call with Tomas Berg:");
  });

  it('when the call under discussion is the newest, then "the next one" says there is none', async () => {
    const bot = createWorldBot();
    await ask(bot, 'my last call');
    const next = await ask(bot, 'what about the next one');
    expect(next.title).toBe('No later call');
    expect(next.text).toContain("This afternoon's call with Lena Fischer is your most recent call.");
  });

  it.each([
    ['how do you know', 'Evidence: Microphone not picking up (on your side)'],
    ['whats the evidence', 'Evidence: Microphone not picking up (on your side)'],
    ['show me the numbers', 'Evidence: Microphone not picking up (on your side)'],
  ])('when Alex asks "%s", then the top cause’s evidence and the record’s fields are shown', async (question, title) => {
    const bot = createWorldBot();
    await ask(bot, 'is my mic broken');
    const answer = await ask(bot, question);
    expect(answer.title).toBe(title);
    expect(answer.text).toContain("In this morning's call with Tomas Berg, your microphone was not working for 62% of the call.");
    expect(answer.text).toContain('captureNotFunctioningEventRatio = 0.62 (limit 0.005)');
  });

  it('when Alex asks about one cause, then that cause’s evidence is shown, not the top one', async () => {
    const bot = createWorldBot();
    await ask(bot, 'my call on monday');
    const answer = await ask(bot, 'tell me more about the packet loss');
    expect(answer.title).toBe('Evidence: Lost network packets (on your side)');
    expect(answer.text).toContain('13% of the packets you sent were lost');
  });

  it('when Alex asks about a cause the call did not have, then the answer says so and what it did show', async () => {
    const bot = createWorldBot();
    await ask(bot, 'my call on monday');
    const answer = await ask(bot, 'what about the echo');
    expect(answer.title).toBe('No sign of echo trouble');
    expect(answer.text).toContain('What it does show: Weak Wi-Fi signal; Lost network packets.');
  });

  it.each(['what should I do?', 'what should i do', 'how do i fix it', 'any tips', 'wat should i do'])(
    'when Alex asks "%s", then the advice for the call’s causes is given',
    async (question) => {
      const bot = createWorldBot();
      await ask(bot, 'people said I sounded like a robot');
      const answer = await ask(bot, question);
      expect(answer.title).toBe('What to do');
      expect(answer.text).toContain("For this afternoon's call with Megan Bowen:");
      expect(answer.text).toContain('Computer overloaded (on your side): Close other apps and plug your laptop in.');
    },
  );

  it('when the call under discussion went well, then the advice says there is nothing to fix', async () => {
    const bot = createWorldBot();
    await ask(bot, 'how was the all hands');
    const answer = await ask(bot, 'what should i do');
    expect(answer.title).toBe('Nothing to fix');
  });

  it.each(['show me the details', 'more details', 'details pls', 'open it in the tab', 'show segments'])('when Alex asks "%s", then the tab link of that call is given', async (question) => {
    const bot = createWorldBot();
    await ask(bot, 'the video froze');
    const answer = await ask(bot, question);
    expect(answer.title).toBe("Details of yesterday afternoon's call with Lena Fischer");
    expect(answer.callId).toBe(WORLD.videoFroze);
  });

  it('when a call was opened from a list card button, then follow-ups are about that call', async () => {
    const bot = createWorldBot();
    const [reply] = await bot.send(cardSubmit({ verb: 'diagnoseCall', callId: WORLD.delay }));
    expect(readAnswer(reply!).callId).toBe(WORLD.delay);
    const answer = await ask(bot, 'was it my network or theirs');
    expect(answer.title).toBe('Yes, it looks like your network');
    expect(answer.text).toContain('640 ms');
  });
});

describe('follow-ups without a call under discussion', () => {
  it.each(['what should I do?', 'was it my wifi or theirs', 'what about the one before that', 'show me the details', 'how do you know', 'was my laptop the problem'])(
    'when Alex asks "%s" first, then the bot asks which call',
    async (question) => {
      const bot = createWorldBot();
      const answer = await ask(bot, question);
      expect(answer.title).toBe('Which call do you mean?');
      expect(answer.callId).toBeNull();
    },
  );

  it('when the discussion is more than 12 hours old, then the bot asks which call again', async () => {
    let now = TEST_NOW;
    const bot = createWorldBot({ overrides: { now: () => now } });
    await ask(bot, 'nobody could hear me');
    now = new Date(TEST_NOW.getTime() + 13 * 3_600_000);
    expect((await ask(bot, 'what should i do')).title).toBe('Which call do you mean?');
  });

  it('when someone else in a group chat discussed a call, then Alex’s follow-up is not about it', async () => {
    const bot = createWorldBot();
    await ask(bot, 'nobody could hear me', { scope: 'groupChat', mentionBot: true });
    const lenas = await ask(bot, 'what should I do', { scope: 'groupChat', mentionBot: true, from: LENA });
    expect(lenas.title).toBe('Which call do you mean?');
    const alexs = await ask(bot, 'what should I do', { scope: 'groupChat', mentionBot: true, from: ALEX });
    expect(alexs.text).toContain("For this morning's call with Tomas Berg:");
  });

  it('when the record of the call under discussion no longer lists the asker, then the follow-up does not show it', async () => {
    const bot = createWorldBot();
    await ask(bot, 'nobody could hear me');
    const fetch = bot.calls.getCall.bind(bot.calls);
    // The record was updated and the participation check now fails: the stored id proves nothing.
    bot.calls.getCall = async (id) => (id === WORLD.micDead ? { ...(await fetch(WORLD.notAlexs)), id } : fetch(id));
    const answer = await ask(bot, 'how do you know');
    expect(answer.title).toBe('I can’t show that call');
    expect(answer.text).not.toContain('microphone');
  });
});

describe('after a restart', () => {
  it('when the bot restarts between question and follow-up, then the call under discussion is still known', async () => {
    const storage = new MemoryStorage();
    const first = createWorldBot({ storage });
    expect((await ask(first, 'nobody could hear me')).callId).toBe(WORLD.micDead);
    const restarted = first.restart();
    const answer = await ask(restarted, 'what about the one before that');
    expect(answer.callId).toBe(WORLD.dropped);
    const advice = await ask(restarted.restart(), 'what should i do');
    expect(advice.text).toContain("last night's call with Megan Bowen");
  });

  it('when the bot restarts with fresh storage, then a follow-up asks which call', async () => {
    const first = createWorldBot();
    await ask(first, 'nobody could hear me');
    const fresh = createWorldBot();
    expect((await ask(fresh, 'what should i do')).title).toBe('Which call do you mean?');
  });
});
