import { answerNotifyWhenReady } from '../answers/pending.js';
import { defineIntent } from './intent.js';

const WHEN_READY = /\b(tell|let|notify|message|ping|send|alert)\b.*\bwhen\b.*\b(ready|arrives?|available|comes? (?:in|through)|is in|shows? up|appears?)\b/i;

export const notifyWhenReadyIntent = defineIntent<Record<string, never>>({
  name: 'notifyWhenReady',
  match: (text) => (WHEN_READY.test(text) ? {} : null),
  answer: (deps, asker) => answerNotifyWhenReady(deps, asker),
});
