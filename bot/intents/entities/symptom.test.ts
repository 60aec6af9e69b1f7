import { describe, expect, it } from 'vitest';
import { causesOf } from '../../answers/symptomMatch.js';
import type { Symptom } from './symptom.js';
import { parseSymptom } from './symptom.js';

describe('symptoms in the user’s words', () => {
  it.each<[string, Symptom | null]>([
    ['nobody could hear me', 'cantBeHeard'],
    ['why couldnt they hear me', 'cantBeHeard'],
    ['why cant they hear me', 'cantBeHeard'],
    ['is my microphone broken?', 'cantBeHeard'],
    ['my mike is dead', 'cantBeHeard'],
    ['people said I was too quiet', 'cantBeHeard'],
    ["can't hear anything", 'cantHear'],
    ['why cant i hear anything on calls', 'cantHear'],
    ['i couldnt hear lena', 'cantHear'],
    ['no audio', 'cantHear'],
    ['my speakers stopped working', 'cantHear'],
    ['I sounded like a robot', 'robotic'],
    ['choppy audio', 'robotic'],
    ['kept breaking up', 'robotic'],
    ['echo', 'echo'],
    ['i heard my own voice', 'echo'],
    ['frozen video', 'frozenVideo'],
    ['video kept freezing', 'frozenVideo'],
    ['the call dropped', 'dropped'],
    ['got disconected', 'dropped'],
    ["couldn't join the meeting", 'dropped'],
    ['so laggy', 'delay'],
    ['how was my call with Ravi', null],
    ['my calls today', null],
  ])('when the text is "%s", then the symptom is %s', (text, symptom) => {
    expect(parseSymptom(text)).toBe(symptom);
  });

  it.each<[Symptom, string]>([
    ['cantBeHeard', 'mic-not-working'],
    ['cantHear', 'speaker-not-working'],
    ['robotic', 'cpu-overload'],
    ['echo', 'echo-howling'],
    ['frozenVideo', 'video-freezes'],
    ['dropped', 'dropped-unexpectedly'],
    ['delay', 'high-latency'],
  ])('when the symptom is %s, then the cause that is the symptom itself comes first: %s', (symptom, code) => {
    expect(causesOf(symptom)[0]).toBe(code);
  });
});
