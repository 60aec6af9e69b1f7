// Router-level reading of symptoms, follow-ups, periods and meetings: which intent answers and
// with which parameters. The answers themselves are tested in bot/answers and phrasings.test.ts.
import { describe, expect, it } from 'vitest';
import { matchIntent } from './router.js';

type Case = [text: string, intent: string, params: Record<string, unknown>];

const cases: Case[] = [
  // symptoms are a parameter of the call intents
  ['nobody could hear me', 'lastCall', { symptom: 'cantBeHeard' }],
  ['is my microphone broken?', 'lastCall', { symptom: 'cantBeHeard' }],
  ['why cant i hear anything on calls', 'lastCall', { symptom: 'cantHear' }],
  ['people said I sounded like a robot', 'lastCall', { symptom: 'robotic' }],
  ['they couldnt see my screen', 'lastCall', { symptom: 'frozenVideo' }],
  ['why couldnt ppl hear me in the meeting with ravi yesterday', 'findCall', { person: 'ravi', time: { day: 'yesterday' }, symptom: 'cantBeHeard' }],
  ['why was the 2pm so laggy', 'findCall', { time: { clock: { hour: 14, minute: 0 } }, symptom: 'delay' }],
  ['my last call was robotic', 'lastCall', { symptom: 'robotic', newestNamed: true }],
  ['echo on my call with ravi', 'findCall', { person: 'ravi', symptom: 'echo' }],
  ['video froze yesterday afternoon', 'findCall', { symptom: 'frozenVideo', time: { day: 'yesterday', partOfDay: 'afternoon' } }],
  ['calls where nobody could hear me this week', 'callList', { symptom: 'cantBeHeard', time: { day: 'thisWeek' } }],
  ['which calls dropped last week', 'callList', { problemsOnly: true }],
  // follow-ups
  ['was it my wifi or theirs', 'followUp', { ask: 'side', suspect: 'wifi' }],
  ['Was it my Wi-Fi or theirs?', 'followUp', { ask: 'side', suspect: 'wifi' }],
  ['was my laptop the problem', 'followUp', { ask: 'side', suspect: 'computer' }],
  ['whose fault was it', 'followUp', { ask: 'side' }],
  ['what about the one before that?', 'followUp', { ask: 'previous' }],
  ['and the call before that', 'followUp', { ask: 'previous' }],
  ['the one befor that', 'followUp', { ask: 'previous' }],
  ['what about the next one', 'followUp', { ask: 'next' }],
  ['how do you know', 'followUp', { ask: 'evidence' }],
  ['tell me more about the wifi', 'followUp', { ask: 'evidence', about: 'wifi' }],
  ['what should I do?', 'followUp', { ask: 'advice' }],
  ['how do i fix it', 'followUp', { ask: 'advice' }],
  ['ok what now', 'followUp', { ask: 'advice' }],
  ['was it my internet', 'followUp', { ask: 'side', suspect: 'network' }],
  ['is it my headset', 'followUp', { ask: 'side', suspect: 'microphone' }],
  ['show me the details', 'followUp', { ask: 'details' }],
  ['details pls', 'followUp', { ask: 'details' }],
  // periods and meetings
  ['my calls in the past 3 days', 'callList', { time: { lastHours: 72 } }],
  ['the call before lunch', 'findCall', { time: { day: 'today', partOfDay: 'beforeLunch' } }],
  ['how was the meeting after lunch', 'findCall', { time: { day: 'today', partOfDay: 'afterLunch' } }],
  ['how was this afternoon', 'findCall', { time: { day: 'today', partOfDay: 'afternoon' } }],
  ['how did yesterday morning go', 'findCall', { time: { day: 'yesterday', partOfDay: 'morning' } }],
  ['how was the all hands', 'findCall', { meeting: { size: 'largest', said: 'the all hands' } }],
  ['the big meeting', 'findCall', { meeting: { size: 'largest' } }],
];

describe('router: symptoms, follow-ups, periods, meetings', () => {
  it.each<Case>(cases)('when the user writes "%s", then %s answers with %o', (text, intent, params) => {
    const matched = matchIntent(text);
    expect(matched?.name).toBe(intent);
    expect(matched?.params).toMatchObject(params);
  });

  it.each(['what should I do about my call with Ravi', 'what should i do about yesterdays call', 'how was my call with Ravi before lunch'])(
    'when "%s" names its own call, then it is a new question, not a follow-up',
    (text) => {
      expect(matchIntent(text)?.name).toBe('findCall');
    },
  );
});
