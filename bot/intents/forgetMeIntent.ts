// "Forget my data", "delete everything you know about me": answered with a confirmation card; the
// deletion itself happens only when the asker presses its button (handlers/cardActionRoutes.ts).
import { answerForgetRequest } from '../answers/forgetMe.js';
import { defineIntent } from './intent.js';

const VERB = String.raw`(?:forget|delete|erase|remove|wipe|purge|clear)`;
const FORGET_ME = [
  new RegExp(String.raw`\b${VERB}\s+(?:all\s+(?:of\s+)?)?(?:my|me)\b(?:\s+(?:data|information|info|details|history|stuff))?\s*[.!?]*\s*$`, 'i'),
  new RegExp(String.raw`\b${VERB}\s+(?:all\s+)?(?:my\s+)?(?:personal\s+)?(?:data|information|info|everything)\s+(?:you\s+(?:have|store|keep|hold|know)|(?:stored\s+)?about\s+me|of\s+mine)`, 'i'),
  new RegExp(String.raw`\b${VERB}\s+(?:all\s+)?my\s+(?:personal\s+)?(?:data|information|info)\b`, 'i'),
  /\bright to be forgotten\b|\bgdpr (?:delete|deletion|erasure)\b/i,
];

export const forgetMeIntent = defineIntent<Record<string, never>>({
  name: 'forgetMe',
  // "delete my call history" is about this app's data too; "forget my last call" is not a deletion request.
  match: (text) => (FORGET_ME.some((pattern) => pattern.test(text)) && !/\b(last|previous|that|this)\s+(call|meeting)\b/i.test(text) ? {} : null),
  answer: (deps, asker) => answerForgetRequest(deps, asker),
});
