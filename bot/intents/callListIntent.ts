import type { CallListRequest } from '../answers/callList.js';
import { answerCallList } from '../answers/callList.js';
import { parseCount } from './entities/count.js';
import { parsePersonName } from './entities/personName.js';
import { parseSymptom } from './entities/symptom.js';
import { parseTimeExpression } from './entities/timeExpression.js';
import { defineIntent } from './intent.js';

const PLURAL = /\b(calls|meetings)\b|\b(list|history|log)\b.*\b(calls?|meetings?)\b|\bcall (?:history|log|list)\b/i;
const PROBLEMS = /\b(poor|bad|dropped|failed|failing|problem\w*|issues?|worst|terrible|broken|choppy|robotic)\b/i;
/** Asking for a list, as opposed to "why can't I hear anything on calls" (which one call explains). */
const LIST_ASK = /\b(list|show|which|what|any|all|history|log|how many|where|whenever)\b/i;

export const callListIntent = defineIntent<CallListRequest>({
  name: 'callList',
  match(text) {
    const count = parseCount(text) ?? undefined;
    if (!PLURAL.test(text) && count === undefined) return null;
    const symptom = parseSymptom(text) ?? undefined;
    // A symptom said about calls in general is answered with the call that best shows it.
    if (symptom && count === undefined && !LIST_ASK.test(text)) return null;
    const time = parseTimeExpression(text) ?? undefined;
    const person = parsePersonName(text) ?? undefined;
    // "dropped calls" and "choppy calls" keep meaning the poor-or-dropped list they always did.
    const listSymptom = symptom && symptom !== 'dropped' && !(symptom === 'robotic' && PROBLEMS.test(text) && !/\b(robot|garbl|crackl|metallic|breaking)/i.test(text)) ? symptom : undefined;
    return {
      ...(person ? { person } : {}),
      ...(time ? { time } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(PROBLEMS.test(text) && !listSymptom ? { problemsOnly: true } : {}),
      ...(listSymptom ? { symptom: listSymptom } : {}),
    };
  },
  answer: (deps, asker, request) => answerCallList(deps, asker, request),
});
