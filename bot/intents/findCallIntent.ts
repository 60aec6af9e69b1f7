import type { FindCallRequest } from '../answers/findCall.js';
import { answerFindCall } from '../answers/findCall.js';
import { parseMeetingKind } from './entities/meetingKind.js';
import { parsePersonName } from './entities/personName.js';
import { parseSymptom } from './entities/symptom.js';
import { parseTimeExpression } from './entities/timeExpression.js';
import { CALL_WORDS, defineIntent, TROUBLE_WORDS } from './intent.js';

const ASKING_HOW = /\b(how (?:was|did|were)|what (?:happened|went wrong)|why)\b/i;

export const findCallIntent = defineIntent<FindCallRequest>({
  name: 'findCall',
  match(text) {
    const person = parsePersonName(text) ?? undefined;
    const time = parseTimeExpression(text) ?? undefined;
    const meeting = parseMeetingKind(text) ?? undefined;
    const symptom = parseSymptom(text) ?? undefined;
    if (!person && !time && !meeting) return null;
    if (!meeting && !symptom && !CALL_WORDS.test(text) && !TROUBLE_WORDS.test(text) && !ASKING_HOW.test(text)) return null;
    return { ...(person ? { person } : {}), ...(time ? { time } : {}), ...(meeting ? { meeting } : {}), ...(symptom ? { symptom } : {}) };
  },
  answer: (deps, asker, request) => answerFindCall(deps, asker, request),
});
