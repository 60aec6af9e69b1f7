// "Why are my calls always bad?", "my meetings keep dropping": a question about calls in general,
// not one call. Needs plural calls or meetings, a trouble word, and a sign of a pattern, so
// "it kept cutting out" (one call) and "poor calls this week" (a list) go elsewhere.
import { answerQualityPatterns } from '../answers/qualityPatterns.js';
import { defineIntent, TROUBLE_WORDS } from './intent.js';

const PLURAL_CALLS = /\b(calls|meetings|teams calls)\b/i;
const PATTERN = /\b(always|keep|keeps|usually|often|every ?time|all the time|constantly|regularly|repeatedly|lately|these days|in general|overall|patterns?|trend)\b/i;
const GENERAL_WHY = /\bwhy (?:are|do|does|is it that) (?:all )?my (?:teams )?(?:calls|meetings)\b/i;

export const qualityPatternsIntent = defineIntent<Record<string, never>>({
  name: 'qualityPatterns',
  match(text) {
    if (!PLURAL_CALLS.test(text) || !TROUBLE_WORDS.test(text)) return null;
    return PATTERN.test(text) || GENERAL_WHY.test(text) ? {} : null;
  },
  answer: (deps, asker) => answerQualityPatterns(deps, asker),
});
