// Every answer goes through here: identify the asker, produce the reply, turn failures into
// friendly words. One place, so no handler can forget the privacy check or leak an error.
import type { TurnContext } from 'botbuilder';
import type { Asker } from '../asker.js';
import { identifyAsker } from '../asker.js';
import type { BotReply } from '../answers/reply.js';
import type { BotDependencies } from '../dependencies.js';
import { noteAnsweredCall } from '../conversation/discussion.js';
import { failureReply, noWorkAccountReply } from './failures.js';
import { sendWithinDeadline } from './turnDeadline.js';

export async function respondAsAsker(
  context: TurnContext,
  deps: BotDependencies,
  produce: (asker: Asker) => Promise<BotReply>,
): Promise<BotReply> {
  // produceReply never rejects: failures become friendly replies.
  return sendWithinDeadline(context, deps, produceReply(context, deps, produce));
}

export async function produceReply(context: TurnContext, deps: BotDependencies, produce: (asker: Asker) => Promise<BotReply>): Promise<BotReply> {
  const identified = identifyAsker(context.activity);
  if (!identified.ok) return noWorkAccountReply();
  try {
    const reply = await produce(identified.asker);
    // The call this answer was about becomes the call under discussion (see conversation/discussion.ts).
    if (reply.about) noteAnsweredCall(context, identified.asker, reply.about);
    return reply;
  } catch (error) {
    return failureReply(error, deps.logger);
  }
}
