// Shared building blocks for the bot's Adaptive Cards (schema 1.5, what Teams and the Agents
// Playground render). Builders are pure: data in, card JSON and plain-text fallback out.
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';

export type CardElement = Readonly<Record<string, unknown>>;

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
  readonly msteams?: { readonly width: 'Full' };
}

/** A card together with the text shown by clients that cannot render cards (and read to screen readers in notifications). */
export interface CardReply {
  readonly card: AdaptiveCardJson;
  readonly text: string;
}

/** Action.Submit verbs the bot routes on (teams-ai matches value.verb). */
export const Verbs = {
  recentCalls: 'showRecentCalls',
  lastCall: 'lastCall',
  diagnoseCall: 'diagnoseCall',
  feedback: 'feedback',
  notifyWhenReady: 'notifyWhenReady',
  setAlerts: 'setAlerts',
  forgetMyData: 'forgetMyData',
  keepMyData: 'keepMyData',
  help: 'help',
} as const;

export function adaptiveCard(body: readonly CardElement[], fallbackText: string, actions: readonly CardElement[] = []): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/**
 * The card as a message. Teams would show an activity `text` above the card, repeating it, so the
 * plain-text version travels as the card's fallbackText (clients without cards) and the title as
 * the activity's summary (notifications and chat previews).
 */
export function toActivity(reply: CardReply): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  return { ...activity, summary: reply.text.split('\n')[0] ?? '' };
}

export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' });

export const paragraph = (text: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

export const facts = (pairs: readonly (readonly [string, string])[]): CardElement => ({
  type: 'FactSet',
  facts: pairs.map(([title, value]) => ({ title, value })),
});

export const submit = (title: string, verb: string, data: Record<string, unknown> = {}): CardElement => ({
  type: 'Action.Submit',
  title,
  data: { verb, ...data },
});

export const openUrl = (title: string, url: string): CardElement => ({ type: 'Action.OpenUrl', title, url });

export const actionSet = (actions: readonly CardElement[]): CardElement => ({ type: 'ActionSet', actions });

/**
 * Adaptive Card TextBlocks render a subset of Markdown; names and numbers from Graph must not turn
 * into formatting. Only characters that can open a construct Teams renders (emphasis, code, links)
 * are escaped: some Teams clients show a backslash literally, so "(UTC)" must stay as it is.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`[\]])/g, '\\$1');
}
