// An intent is a matcher (pure text -> parameters) and an answer. The router tries them in order.
import type { Asker } from '../asker.js';
import type { BotReply } from '../answers/reply.js';
import type { BotDependencies } from '../dependencies.js';
import type { DiscussedCall } from '../state.js';

/** What the conversation so far gives an answer: the call under discussion, if any. */
export interface Conversation {
  readonly discussed: DiscussedCall | null;
}

export const NO_CONVERSATION: Conversation = { discussed: null };

export interface Intent<TParams> {
  readonly name: string;
  /** Parameters when the text asks for this intent, null otherwise. Pure: no clock, no I/O. */
  match(text: string): TParams | null;
  /** `conversation` matters only to follow-ups; other intents can ignore it. */
  answer(deps: BotDependencies, asker: Asker, params: TParams, conversation: Conversation): Promise<BotReply>;
}

/** A matched intent with its parameters bound, ready to answer. */
export interface MatchedIntent {
  readonly name: string;
  readonly params: unknown;
  answer(deps: BotDependencies, asker: Asker, conversation?: Conversation): Promise<BotReply>;
}

export function defineIntent<TParams>(intent: Intent<TParams>): Intent<TParams> {
  return intent;
}

/** Words that make a message about a call or meeting. */
export const CALL_WORDS = /\b(calls?|cal|meetings?|meeting|meting|meetng|metting|chats?|conversations?|syncs?|stand-?ups?|1:1s?|one-on-ones?|catch-?ups?|interviews?|huddles?|webinars?|all[- ]?hands|town ?halls?)\b/i;

/** How people describe a bad call without saying "call". */
export const TROUBLE_WORDS =
  /\b(drop(?:ped|s|ping)?|cut(?:s|ting)? (?:off|out)|disconnect(?:ed|s)?|robotic|choppy|lagg?(?:y|ing)?|froze|frozen|freez\w*|echo\w*|garbled|breaking up|broke up|stutter\w*|crackl\w*|static|muffled|delay(?:ed)?|terrible|awful|horrible|bad|poor|hear|heard|hearing|see me|sound(?:ed)?|quality|went wrong|happened)\b/i;
