import { answerSmsStatus } from '../answers/smsStatus.js';
import { parsePhoneNumber, type PhoneNumberMention } from './entities/phoneNumber.js';
import { defineIntent } from './intent.js';
import { TEXT_WORDS } from './phonePhrases.js';

export const smsStatusIntent = defineIntent<{ readonly number: PhoneNumberMention | null }>({
  name: 'smsStatus',
  match: (text) => (TEXT_WORDS.test(text) ? { number: parsePhoneNumber(text) } : null),
  answer: (deps, asker, params) => answerSmsStatus(deps, asker, params.number),
});
