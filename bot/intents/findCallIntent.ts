import type { FindCallRequest } from '../answers/findCall.js';
import { answerFindCall } from '../answers/findCall.js';
import { parsePersonName } from './entities/personName.js';
import { parseTimeExpression } from './entities/timeExpression.js';
import { CALL_WORDS, defineIntent, TROUBLE_WORDS } from './intent.js';

const ASKING_HOW = /\b(how (?:was|did|were)|what (?:happened|went wrong)|why)\b/i;

export const findCallIntent = defineIntent<FindCallRequest>({
  name: 'findCall',
  match(text) {
    const person = parsePersonName(text) ?? undefined;
    const time = parseTimeExpression(text) ?? undefined;
    if (!person && !time) return null;
    if (!CALL_WORDS.test(text) && !TROUBLE_WORDS.test(text) && !ASKING_HOW.test(text)) return null;
    return { ...(person ? { person } : {}), ...(time ? { time } : {}) };
  },
  answer: (deps, asker, request) => answerFindCall(deps, asker, request),
});
