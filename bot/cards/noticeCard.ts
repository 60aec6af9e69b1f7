// Short cards with a title, a few sentences and optional buttons: help, welcome, errors, alerts.
import type { CardElement, CardReply } from './cardKit.js';
import { adaptiveCard, escapeMarkdown, heading, paragraph, submit, Verbs } from './cardKit.js';

export interface NoticeCardInput {
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** Bulleted examples of what to ask. */
  readonly examples?: readonly string[];
  readonly actions?: readonly CardElement[];
}

export function noticeCard(input: NoticeCardInput): CardReply {
  const body: CardElement[] = [heading(escapeMarkdown(input.title)), ...input.paragraphs.map((p) => paragraph(escapeMarkdown(p)))];
  const lines = [input.title, ...input.paragraphs];
  if (input.examples && input.examples.length > 0) {
    body.push(paragraph(input.examples.map((example) => `- ${escapeMarkdown(example)}`).join('\n')));
    lines.push(...input.examples.map((example) => `- ${example}`));
  }
  const text = lines.join('\n');
  return { card: adaptiveCard(body, text, input.actions ?? []), text };
}

export const EXAMPLE_QUESTIONS: readonly string[] = [
  'Why did my last call drop?',
  'How was my call with Ravi?',
  'My calls today',
  'Poor calls this week',
  'Why did my call to +1 425 555 0100 fail?',
  'My phone calls this week',
  'Did my text to +1 425 555 0100 go through?',
  "Why can't I call out?",
  'Alert me only when a call drops',
];

export function helpCard(intro?: string): CardReply {
  return noticeCard({
    title: 'Call Doctor',
    paragraphs: [
      intro ?? 'I explain why your Teams calls dropped or sounded bad, from the call records Microsoft keeps for 30 days.',
      'Try asking:',
    ],
    examples: EXAMPLE_QUESTIONS,
    actions: [submit('My recent calls', Verbs.recentCalls)],
  });
}

export function welcomeCard(): CardReply {
  return noticeCard({
    title: '👋 Hi, I am Call Doctor',
    paragraphs: [
      'Ask me why a call dropped or sounded robotic, and I will read its call record and tell you what went wrong, on whose side, and what to do about it.',
      'I only ever talk about calls you took part in. I also message you when one of your calls was poor (say "turn alerts off" to stop that).',
      'Try asking:',
    ],
    examples: EXAMPLE_QUESTIONS,
    actions: [submit('Check my last call', Verbs.lastCall)],
  });
}
