// Follow-ups about the call under discussion: "was it my wifi or theirs", "what about the one
// before that", "was my laptop the problem", "what should i do", "show me the details".
// A message that names its own call (a person, a time) is a new question, not a follow-up.
import type { FollowUp, Suspect } from '../answers/followUp.js';
import { answerFollowUp } from '../answers/followUp.js';
import { parsePersonName } from './entities/personName.js';
import { parseTimeExpression } from './entities/timeExpression.js';
import { defineIntent } from './intent.js';

const SUSPECT_WORDS: readonly (readonly [RegExp, Suspect])[] = [
  [/\b(wi-?fi|wifi|wify|wireless|router|signal)\b/i, 'wifi'],
  [/\bvpn\b/i, 'vpn'],
  [/\b(laptop|computer|pc|cpu|machine|mac ?book|surface|processor)\b/i, 'computer'],
  [/\b(mic|mike|microphone|headset|headphones?|earbuds?|airpods?)\b/i, 'microphone'],
  [/\b(speakers?|volume)\b/i, 'speaker'],
  [/\b(network|internet|connection|broadband|isp|bandwidth|hotspot)\b/i, 'network'],
  [/\b(packet loss|packets?)\b/i, 'loss'],
  [/\b(echo|howling)\b/i, 'echo'],
  [/\b(video|camera|webcam)\b/i, 'video'],
  [/\b(delay|latency|lag|jitter)\b/i, 'delay'],
];

const BEFORE = /\b(?:(?:one|call|meeting|1)\s+)?(?:befor(?:e)?|prior to|preceding)\s+(?:that|this|it)(?:\s+one)?\b|\bthe (?:one|call|meeting) befor(?:e)?(?=\s*(?:$|[?.!,]|that\b|this\b|it\b|then\b))|\b(?:and )?befor(?:e)? that\b|\bthe (?:previous|earlier|prior) one\b|\bwhat about (?:the )?(?:previous|earlier) (?:one|call|meeting)\b|\bone before(?=\s*(?:$|[?.!,]|that\b|this\b|it\b|then\b))/i;
const AFTER = /\b(?:(?:one|call|meeting)\s+)?after (?:that|this|it)(?:\s+one)?\b|\bthe (?:one|call|meeting) after(?=\s*(?:$|[?.!,]|that\b|this\b|it\b|then\b))|\bthe (?:next|following|later) (?:one|call|meeting)\b|\bnext one\b|\bwhat about (?:the )?next\b/i;
const SIDE = /\bwhose (?:side|fault|end|problem|issue)\b|\bwho(?:'s| is| was) (?:to blame|at fault|responsible)\b|\b(?:was|is) it (?:me|my|mine|them|their|theirs|on my|on their|on (?:his|her)|him|her)\b|\b(?:my|their|his|her) (?:fault|end|side)\b|\bme or (?:them|him|her|the other)\b|\b(?:mine|my \w+(?:-\w+)?) or (?:theirs|their|his|hers|the other)\b|\b(?:was|is) (?:my|the|their) [\w-]+(?: [\w-]+)? (?:the|to) (?:problem|issue|cause|blame|culprit|reason)\b|\bwas it (?:the )?(?:wi-?fi|wifi|network|internet|vpn|laptop|computer|headset|mic)\b|\bdid my [\w-]+ cause\b|\b(?:my|the) [\w-]+ (?:to blame|at fault)\b/i;
const EVIDENCE = /\bhow do you know\b|\bwhat(?:'s| is) the evidence\b|\b(?:show|give) me (?:the )?(?:evidence|proof|numbers|data)\b|\bwhy do you (?:say|think) (?:that|so)\b|\bprove it\b|\bevidence\b|\bwhat (?:numbers|data|metrics)\b|\b(?:tell me )?more about (?:the|that|this) [\w-]+\b|\bwhat about (?:the|my) (?:wi-?fi|wifi|network|vpn|packet loss|cpu|mic|microphone|echo|video|jitter|delay|latency)\b|\bhow bad was (?:the|my|it)\b/i;
const ADVICE = /\bwhat (?:should|shall|can|do|could|would) (?:i|we) do\b|\bwhat (?:to|do i) do\b|\bwhat now\b|\bhow (?:do|can|could|should) (?:i|we) (?:fix|solve|stop|avoid|prevent|improve)\b|\bhow to (?:fix|solve|stop|avoid|prevent)\b|\b(?:any )?(?:tips|advice|suggestions?|recommendations?)\b|\bwhat do you (?:suggest|recommend)\b|\bhow do i make it better\b|\bfix (?:it|this|that)\b|\bwhat can be done\b|\bwat (?:should|do) i do\b/i;
const DETAILS = /\b(?:show|see|open|give|get)(?: me)? (?:the |more |full |all )?(?:details?|segments?|streams?|full report|breakdown|tab|raw data|technical)\b|\bmore (?:details?|info(?:rmation)?)\b|\b(?:the )?details?(?: please| pls| plz)?$|\bopen (?:it|this|that) in (?:the )?tab\b|\bfull (?:details|report|breakdown)\b|\bdetailed view\b|\bdeets\b/i;

export const followUpIntent = defineIntent<FollowUp>({
  name: 'followUp',
  match(text) {
    if (BEFORE.test(text)) return { ask: 'previous' };
    if (AFTER.test(text) && !/\bafter lunch\b/i.test(text)) return { ask: 'next' };
    // "how was my call with Ravi", "what should I do about yesterday's call": a question of its own.
    if (parsePersonName(text) || parseTimeExpression(text)) return null;
    const suspect = SUSPECT_WORDS.find(([pattern]) => pattern.test(text))?.[1];
    if (SIDE.test(text)) return { ask: 'side', ...(suspect ? { suspect } : {}) };
    if (EVIDENCE.test(text)) return { ask: 'evidence', ...(suspect ? { about: suspect } : {}) };
    if (ADVICE.test(text)) return { ask: 'advice' };
    if (DETAILS.test(text)) return { ask: 'details' };
    return null;
  },
  answer: (deps, asker, followUp, conversation) => answerFollowUp(deps, asker, followUp, conversation.discussed),
});
