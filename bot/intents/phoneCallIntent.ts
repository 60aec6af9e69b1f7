import { answerPhoneCall } from '../answers/phoneCall.js';
import type { PhoneNumberMention } from './entities/phoneNumber.js';
import { parsePhoneNumber } from './entities/phoneNumber.js';
import { defineIntent } from './intent.js';

export const phoneCallIntent = defineIntent<PhoneNumberMention>({
  name: 'phoneCall',
  match: (text) => parsePhoneNumber(text),
  answer: (deps, asker, number) => answerPhoneCall(deps, asker, number),
});
