// A conversation with the test bot as a user has it: ask in words, read what the answer is about
// (which call, which cause, the title) rather than only that a card came back.
import type { Activity } from 'botbuilder';
import type { ActivityOptions } from './activities.js';
import { teamsMessage } from './activities.js';
import { buttons, visibleText } from './cardReading.js';
import type { TestBot } from './testBot.js';

export interface Answer {
  readonly activity: Partial<Activity>;
  /** Everything the user can read on the card. */
  readonly text: string;
  /** The first line: the lead sentence or the card's title (also the notification summary). */
  readonly title: string;
  /** The call the answer is about: the feedback buttons' or "Show segments" link's call id. */
  readonly callId: string | null;
  /** The cause the answer rates (the feedback buttons' causeCode). */
  readonly causeCode: string | null;
}

/** Sends one message and reads the single reply the bot must give. */
export async function ask(bot: TestBot, text: string, options: ActivityOptions = {}): Promise<Answer> {
  const replies = await bot.send(teamsMessage(text, options));
  if (replies.length !== 1) throw new Error(`Expected one reply to "${text}", got ${replies.length}`);
  return readAnswer(replies[0]!);
}

export function readAnswer(activity: Partial<Activity>): Answer {
  const all = buttons(activity);
  const feedback = all.find((b) => b.data?.verb === 'feedback');
  const segments = all.find((b) => b.title === 'Show segments' && b.url);
  const fromUrl = segments?.url ? /subEntityId%22%3A%22([^%]+)%22/.exec(segments.url)?.[1] ?? null : null;
  const text = visibleText(activity);
  return {
    activity,
    text,
    title: text.split('\n')[0] ?? '',
    callId: typeof feedback?.data?.callId === 'string' ? feedback.data.callId : fromUrl ? decodeURIComponent(fromUrl) : null,
    causeCode: typeof feedback?.data?.causeCode === 'string' ? feedback.data.causeCode : null,
  };
}
