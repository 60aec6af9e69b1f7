// What the user noticed, in their words: "nobody could hear me", "I sounded like a robot", "is my
// mic broken", "can't hear anything", echo, frozen video, dropped, lag. A symptom is a parameter
// of the call intents (which call showed it?), never an intent of its own.
// Patterns tolerate how people type: no apostrophes ("cant", "couldnt"), common misspellings.

export type Symptom = 'cantBeHeard' | 'cantHear' | 'robotic' | 'echo' | 'frozenVideo' | 'dropped' | 'delay';

const NOT = String.raw`(?:could ?n[o']?t|couldn?t|cud ?nt|can ?n?[o']?t|cant|cannot|did ?n[o']?t|didnt|wasn'?t able to|were ?n'?t able to|weren'?t able to|unable to|never)`;
const HEAR = String.raw`(?:hear|here|heer|hera)`;
const MIC = String.raw`(?:mic|mike|micro?phone|mircophone|microphnoe|micophone|microfone)`;
const SPEAKER = String.raw`(?:speakers?|headset|headphones?|earbuds?|airpods?|audio output)`;
const BROKEN = String.raw`(?:broken|broke|brokn|borken|not working|isn'?t working|wasn'?t working|doesn'?t work|didn'?t work|dead|faulty|stopped working|not picking (?:me )?up|died|working|ok|okay|fine)`;

const PATTERNS: readonly (readonly [RegExp, Symptom])[] = [
  // Being heard comes before hearing: "they couldn't hear me" contains "couldn't hear".
  [new RegExp(String.raw`\b${NOT}(?: \w+)? ${HEAR} me\b|\b${HEAR} me\b.*\b(?:not|n'?t)\b|\bno ?(?:one|body)\b.*\b${HEAR}(?:d)? me\b|\b(?:can ?n?[o']?t|cant|couldn?'?t|could not) be heard\b|\b(?:inaudible|on mute|too quiet|voice was quiet|barely hear me)\b|\b${MIC}\b.*\b${BROKEN}\b|\b${BROKEN}\b.*\b${MIC}\b|\bmy ${MIC}\b|\b${MIC} (?:problem|issue)s?\b|\bcould only hear (?:themselves|each other)\b`, 'i'), 'cantBeHeard'],
  [/\b(?:echo\w*|ecco|eco|echoing|howl\w*|feedback noise|(?:hear|heard|here) (?:myself|themselves|my own voice|my voice back))\b/i, 'echo'],
  [/\b(?:robot\w*|robtic|roboic|metallic|garbled|choppy|chopy|breaking up|broke up|broken up|cutting (?:in and )?out|cut (?:in and )?out|kept cutting|crackl\w*|distorted|stutter\w*|underwater|warbl\w*|glitch\w*|jumbled|skipping)\b/i, 'robotic'],
  [new RegExp(String.raw`\b${NOT}(?: (?:i|we|u|you))? ${HEAR}\b(?! me\b)|\b(?:no|zero) (?:sound|audio)\b|\bsilence\b|\b${SPEAKER}\b.*\b${BROKEN}\b|\bheard nothing\b|\bhear (?:nothing|a thing)\b`, 'i'), 'cantHear'],
  [new RegExp(String.raw`\b${NOT}(?: \w+)? see (?:me|my|the|them|him|her|anything|video|screen)\b`, 'i'), 'frozenVideo'],
  [/\b(?:froze|frozen|freez\w*|frezz?\w*|feez\w*|video (?:stuck|lag\w*|stopped|was (?:bad|blurry|pixel\w*))|blurry|pixel+ated|pixelated|black screen|screen share (?:stuck|froze|lag\w*))\b/i, 'frozenVideo'],
  [/\b(?:dropp?(?:ed|s|ing)?|droped|dis+con+e?ct\w*|cut off|kicked (?:me )?out|booted|got cut|hung up on|call ended|ended suddenly|lost (?:the )?(?:call|connection)|couldn'?t (?:join|connect)|could not (?:join|connect)|cant (?:join|connect)|failed to (?:join|connect)|wouldn'?t connect)\b/i, 'dropped'],
  [/\b(?:lag\w*|delay\w*|laggy|latency|talking over each other|talked over each other|out of sync|echo delay|seconds behind|slow to respond)\b/i, 'delay'],
];

export function parseSymptom(text: string): Symptom | null {
  return PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
