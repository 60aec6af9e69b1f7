// The deterministic intent router: the first intent in the table whose matcher accepts the text.
// Order matters where phrasings overlap: a phone number beats "call", a plural list beats one call,
// a named person or time beats "my last call", and a follow-up ("the one before that") beats both.
import { alertRulesIntent } from './alertRulesIntent.js';
import { alertsIntent } from './alertsIntent.js';
import { callListIntent } from './callListIntent.js';
import { channelDigestIntent } from './channelDigestIntent.js';
import { findCallIntent } from './findCallIntent.js';
import { followUpIntent } from './followUpIntent.js';
import { forgetMeIntent } from './forgetMeIntent.js';
import { helpIntent } from './helpIntent.js';
import type { Intent, MatchedIntent } from './intent.js';
import { NO_CONVERSATION } from './intent.js';
import { lastCallIntent } from './lastCallIntent.js';
import { notifyWhenReadyIntent } from './notifyWhenReadyIntent.js';
import { phoneCallIntent } from './phoneCallIntent.js';
import { qualityPatternsIntent } from './qualityPatternsIntent.js';
import { thanksIntent } from './thanksIntent.js';

// Each entry keeps its own parameter type; the table only needs match + answer.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const INTENTS: readonly Intent<any>[] = [
  helpIntent,
  thanksIntent,
  forgetMeIntent,
  channelDigestIntent,
  alertRulesIntent,
  notifyWhenReadyIntent,
  alertsIntent,
  phoneCallIntent,
  qualityPatternsIntent,
  followUpIntent,
  callListIntent,
  findCallIntent,
  lastCallIntent,
];

/** Longer messages are not questions the bot can answer; matching them would only waste time. */
const MAX_TEXT_LENGTH = 500;

export function matchIntent(text: string, intents: readonly Intent<unknown>[] = INTENTS): MatchedIntent | null {
  // Teams can deliver leftover markup (<at> tags of other mentions, &nbsp;) in the text.
  const normalised = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[’‘]/g, "'")
    .trim();
  if (normalised.length === 0 || normalised.length > MAX_TEXT_LENGTH) return null;
  for (const intent of intents) {
    const params = intent.match(normalised);
    if (params !== null) {
      return { name: intent.name, params, answer: (deps, asker, conversation = NO_CONVERSATION) => intent.answer(deps, asker, params, conversation) };
    }
  }
  return null;
}
