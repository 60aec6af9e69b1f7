import { describe, expect, it } from 'vitest';
import { matchIntent } from './router.js';

type Case = [text: string, intent: string, params?: Record<string, unknown>];

const cases: Case[] = [
  // last call
  ['why did my last call drop', 'lastCall'],
  ['what happened to my call', 'lastCall'],
  ['my call was terrible', 'lastCall'],
  ["why couldn't they hear me", 'lastCall'],
  ['Why couldn’t they hear me?', 'lastCall'],
  ['the meeting froze', 'lastCall'],
  ['my audio was robotic', 'lastCall'],
  ['I got disconnected', 'lastCall'],
  ['why was there an echo', 'lastCall'],
  ['my call just dropped', 'lastCall', { justEnded: true }],
  ['I was cut off a minute ago', 'lastCall', { justEnded: true }],
  ['what happened to the call I just had', 'lastCall', { justEnded: true }],
  ["couldn't hear anything", 'lastCall'],
  ['Teams kept freezing', 'lastCall'],
  ['the video was frozen', 'lastCall'],
  ['why did the call disconnect', 'lastCall'],
  ['people said my voice was muffled', 'lastCall'],
  ['was there a problem with my meeting', 'lastCall'],
  // a particular call
  ['how was my call with Ravi', 'findCall', { person: 'Ravi' }],
  ['how was my call with ravi?', 'findCall', { person: 'ravi' }],
  ['my 2pm meeting', 'findCall', { time: { clock: { hour: 14, minute: 0 } } }],
  ['what went wrong in my 9:30am call', 'findCall', { time: { clock: { hour: 9, minute: 30 } } }],
  ["yesterday's call with Lena", 'findCall', { person: 'Lena', time: { day: 'yesterday' } }],
  ['why did my call with Lena Fischer drop yesterday', 'findCall', { person: 'Lena Fischer', time: { day: 'yesterday' } }],
  ["what's wrong with my call with Ravi", 'findCall', { person: 'Ravi' }],
  ["Ravi's call this morning was bad", 'findCall', { person: 'Ravi', time: { day: 'today', partOfDay: 'morning' } }],
  ['how did the meeting at 14:30 go', 'findCall', { time: { clock: { hour: 14, minute: 30 } } }],
  ['my call to Megan', 'findCall', { person: 'Megan' }],
  ['how did the standup go this morning', 'findCall', { time: { day: 'today', partOfDay: 'morning' } }],
  ['was my 1:1 with Megan ok', 'findCall', { person: 'Megan' }],
  ['the call with Diego at 10am', 'findCall', { person: 'Diego', time: { clock: { hour: 10, minute: 0 } } }],
  ['what happened in my 11am call', 'findCall', { time: { clock: { hour: 11, minute: 0 } } }],
  ['why did my meeting with Adele Vance freeze', 'findCall', { person: 'Adele Vance' }],
  // a person's call, read as "your last call with them" (the bot only shows the asker's own calls)
  ["show me Ravi's last call", 'findCall', { person: 'Ravi' }],
  ["Show Ravi's last call", 'findCall', { person: 'Ravi' }],
  ['show me ravi’s last call', 'findCall', { person: 'ravi' }],
  ["how was Lena's meeting yesterday", 'findCall', { person: 'Lena', time: { day: 'yesterday' } }],
  ["what happened on Lena Fischer's call", 'findCall', { person: 'Lena Fischer' }],
  ['why did Lena’s call drop', 'findCall', { person: 'Lena' }],
  ["Ravi's latest meeting", 'findCall', { person: 'Ravi' }],
  ["check Megan's most recent call", 'findCall', { person: 'Megan' }],
  // lists
  ['my calls today', 'callList', { time: { day: 'today' } }],
  ['poor calls this week', 'callList', { time: { day: 'thisWeek' }, problemsOnly: true }],
  ['show my last 5 calls', 'callList', { count: 5 }],
  ['show me my last five calls', 'callList', { count: 5 }],
  ['list my meetings yesterday', 'callList', { time: { day: 'yesterday' } }],
  ['which calls dropped last week', 'callList', { time: { day: 'lastWeek' }, problemsOnly: true }],
  ['call history', 'callList'],
  ['3 most recent calls', 'callList', { count: 3 }],
  ['what calls did I have today', 'callList', { time: { day: 'today' } }],
  ["list today's meetings", 'callList', { time: { day: 'today' } }],
  ['bad calls yesterday', 'callList', { time: { day: 'yesterday' }, problemsOnly: true }],
  ['my recent calls', 'callList'],
  ['any dropped calls this week?', 'callList', { time: { day: 'thisWeek' }, problemsOnly: true }],
  ['last 3 meetings', 'callList', { count: 3 }],
  ['my calls with Ravi this week', 'callList', { person: 'Ravi', time: { day: 'thisWeek' } }],
  ["show me Ravi's calls this week", 'callList', { person: 'Ravi', time: { day: 'thisWeek' } }],
  ["Lena's last 3 calls", 'callList', { person: 'Lena', count: 3 }],
  // phone calls
  ['why did my call to +1 425 555 0100 fail', 'phoneCall', { digits: '14255550100' }],
  ['what happened with (425) 555-0100', 'phoneCall', { digits: '4255550100' }],
  ['call to +44 20 7946 0958 dropped', 'phoneCall', { digits: '442079460958' }],
  ['+1-425-555-0100 didn’t connect', 'phoneCall', { digits: '14255550100' }],
  ['why was my call from +14255550100 dropped', 'phoneCall', { digits: '14255550100' }],
  ['call to 425.555.0100 failed', 'phoneCall', { digits: '4255550100' }],
  ['the number +49 30 123456 did not ring', 'phoneCall', { digits: '4930123456' }],
  // alerts
  ['turn alerts off', 'alerts', { set: 'off' }],
  ['stop alerting me', 'alerts', { set: 'off' }],
  ["don't notify me anymore", 'alerts', { set: 'off' }],
  ['alert me only when a call drops', 'alerts', { set: 'drops' }],
  ['only alert me for dropped calls', 'alerts', { set: 'drops' }],
  ['alert status', 'alerts', { status: true }],
  ['are my alerts on?', 'alerts', { status: true }],
  ['what alerts do I get', 'alerts', { status: true }],
  ['turn alerts on', 'alerts', { set: 'all' }],
  ['turn on notifications', 'alerts', { set: 'all' }],
  ['alert me about every bad call', 'alerts', { set: 'all' }],
  // pending
  ["tell me when it's ready", 'notifyWhenReady'],
  ['let me know when the record arrives', 'notifyWhenReady'],
  // thanks
  ['thanks!', 'thanks'],
  ['thank you', 'thanks'],
  ['ok great', 'thanks'],
  // help
  ['help', 'help'],
  ['Hi!', 'help'],
  ['hello', 'help'],
  ['what can you do?', 'help'],
  ['?', 'help'],
];

describe('intent router', () => {
  it.each<Case>(cases)('when the user writes "%s", then the %s intent answers', (text, intent, params) => {
    const matched = matchIntent(text);
    expect(matched?.name).toBe(intent);
    if (params) expect(matched?.params).toMatchObject(params);
  });

  it.each(['', '   ', 'banana', 'what is the weather in Seattle', 'what time is it', 'x'.repeat(600)])(
    'when the text "%s" is not a question about calls, then no intent claims it',
    (text) => {
      expect(matchIntent(text)).toBeNull();
    },
  );

  it('when Teams leaves markup in the text, then the question still routes', () => {
    expect(matchIntent('<p>why did my&nbsp;last call drop</p>')?.name).toBe('lastCall');
    expect(matchIntent('<at>Megan</at> how was my call with Ravi')?.params).toMatchObject({ person: 'Ravi' });
  });

  it('when a question names both a phone number and a person, then the phone number wins', () => {
    expect(matchIntent('why did my call with Ravi at +1 425 555 0100 fail')?.name).toBe('phoneCall');
  });
});
