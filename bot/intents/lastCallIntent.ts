import type { LastCallRequest } from '../answers/lastCall.js';
import { answerLastCall } from '../answers/lastCall.js';
import { parseSymptom } from './entities/symptom.js';
import { CALL_WORDS, defineIntent, TROUBLE_WORDS } from './intent.js';

const JUST_ENDED = /\b(just now|just (?:ended|dropped|finished|had|hung up|got cut off|got disconnected|disconnected|happened)|a (?:minute|moment|few minutes|couple of minutes) ago|moments? ago|minutes ago|right now)\b/i;
/** The user points at the newest call, so a symptom describes it rather than starting a search. */
const NEWEST = /\b(?:last|latest|lastest|previous|most recent|recent|newest) (?:call|meeting|meting|cal|one)\b|\bthe call i just\b/i;

export const lastCallIntent = defineIntent<LastCallRequest>({
  name: 'lastCall',
  match(text) {
    const symptom = parseSymptom(text) ?? undefined;
    if (!CALL_WORDS.test(text) && !TROUBLE_WORDS.test(text) && !symptom) return null;
    return {
      ...(JUST_ENDED.test(text) ? { justEnded: true } : {}),
      ...(symptom ? { symptom } : {}),
      ...(symptom && NEWEST.test(text) ? { newestNamed: true } : {}),
    };
  },
  answer: (deps, asker, request) => answerLastCall(deps, asker, request),
});
