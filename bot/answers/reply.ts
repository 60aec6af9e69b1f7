// What an answer produces: the activity the user sees and a one-line summary the AI planner can reason about.
import type { Activity } from 'botbuilder';
import type { CardReply } from '../cards/cardKit.js';
import { toActivity } from '../cards/cardKit.js';

/** The one call an answer was about; it becomes the call under discussion for follow-ups. */
export interface AnsweredCall {
  readonly callId: string;
  readonly startDateTime: string;
}

export interface BotReply {
  readonly activity: Partial<Activity>;
  /** Plain text for the planner's next step and for logs-free tests; never contains card JSON. */
  readonly summary: string;
  readonly about?: AnsweredCall;
}

export function cardReply(reply: CardReply, summary?: string): BotReply {
  return { activity: toActivity(reply), summary: summary ?? reply.text };
}
