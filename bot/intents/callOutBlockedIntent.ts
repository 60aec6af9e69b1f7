import { answerCallOutBlocked } from '../answers/callOutBlocked.js';
import { defineIntent } from './intent.js';
import { CALL_OUT_BLOCKED } from './phonePhrases.js';

export const callOutBlockedIntent = defineIntent<true>({
  name: 'callOutBlocked',
  match: (text) => (CALL_OUT_BLOCKED.test(text) ? true : null),
  answer: (deps, asker) => answerCallOutBlocked(deps, asker),
});
