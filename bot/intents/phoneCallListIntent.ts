import { answerPhoneCallList, type PhonePeriod } from '../answers/phoneCallList.js';
import { parsePhoneNumber } from './entities/phoneNumber.js';
import { defineIntent } from './intent.js';
import { periodOf, PHONE_CALLS } from './phonePhrases.js';

/** A question about one number goes to phoneCallIntent; this one lists them all. */
export const phoneCallListIntent = defineIntent<PhonePeriod>({
  name: 'phoneCallList',
  match: (text) => (PHONE_CALLS.test(text) && parsePhoneNumber(text) === null ? periodOf(text) : null),
  answer: (deps, asker, period) => answerPhoneCallList(deps, asker, period),
});
