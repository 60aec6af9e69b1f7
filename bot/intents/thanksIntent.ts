import { defineIntent } from './intent.js';

const THANKS = /^(?!.*\b(?:what|how|why|which|who|when|where|was|is|did)\b)\s*(?:thanks?(?: you)?|thx|ty|cheers|great|perfect|ok(?:ay)?|got it|cool|nice)\b[\s!.,a-z]{0,20}$/i;

/** "Thanks" deserves a short reply, not the help card. */
export const thanksIntent = defineIntent<Record<string, never>>({
  name: 'thanks',
  match: (text) => (THANKS.test(text) ? {} : null),
  answer: async () => ({ activity: { type: 'message', text: 'You’re welcome! Ask me about any call whenever you need to. 👋' }, summary: 'Acknowledged thanks.' }),
});
