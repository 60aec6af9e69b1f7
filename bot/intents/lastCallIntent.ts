import type { LastCallRequest } from '../answers/lastCall.js';
import { answerLastCall } from '../answers/lastCall.js';
import { CALL_WORDS, defineIntent, TROUBLE_WORDS } from './intent.js';

const JUST_ENDED = /\b(just now|just (?:ended|dropped|finished|had|hung up|got cut off|got disconnected|disconnected|happened)|a (?:minute|moment|few minutes|couple of minutes) ago|moments? ago|minutes ago|right now)\b/i;

export const lastCallIntent = defineIntent<LastCallRequest>({
  name: 'lastCall',
  match(text) {
    if (!CALL_WORDS.test(text) && !TROUBLE_WORDS.test(text)) return null;
    return JUST_ENDED.test(text) ? { justEnded: true } : {};
  },
  answer: (deps, asker, request) => answerLastCall(deps, asker, request),
});
