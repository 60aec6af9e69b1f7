import type { CallListRequest } from '../answers/callList.js';
import { answerCallList } from '../answers/callList.js';
import { parseCount } from './entities/count.js';
import { parsePersonName } from './entities/personName.js';
import { parseTimeExpression } from './entities/timeExpression.js';
import { defineIntent } from './intent.js';

const PLURAL = /\b(calls|meetings)\b|\b(list|history|log)\b.*\b(calls?|meetings?)\b|\bcall (?:history|log|list)\b/i;
const PROBLEMS = /\b(poor|bad|dropped|failed|failing|problem\w*|issues?|worst|terrible|broken|choppy|robotic)\b/i;

export const callListIntent = defineIntent<CallListRequest>({
  name: 'callList',
  match(text) {
    const count = parseCount(text) ?? undefined;
    if (!PLURAL.test(text) && count === undefined) return null;
    const time = parseTimeExpression(text) ?? undefined;
    const person = parsePersonName(text) ?? undefined;
    return {
      ...(person ? { person } : {}),
      ...(time ? { time } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(PROBLEMS.test(text) ? { problemsOnly: true } : {}),
    };
  },
  answer: (deps, asker, request) => answerCallList(deps, asker, request),
});
