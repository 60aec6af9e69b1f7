// No recent call showed what the user describes: say so honestly, how many calls were checked,
// and what else to check (the device, Teams' device settings, the test call).
import { submit, Verbs } from '../cards/cardKit.js';
import { noticeCard } from '../cards/noticeCard.js';
import type { Symptom } from '../intents/entities/symptom.js';
import { openTabButton, TAB_HAS_THE_REST } from './searchLimit.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';
import { SYMPTOM_CHECKS, SYMPTOM_WORDS } from './symptomMatch.js';

export function noSymptomReply(symptom: Symptom, period: string, examined: number, tabUrl: string | null): BotReply {
  const what = SYMPTOM_WORDS[symptom];
  const title = `None of your calls ${period} showed ${what}`;
  const checked = `I checked ${examined === 1 ? 'your only call' : `your ${examined} most recent calls`} ${period}, and none of their records shows signs of ${what}. The record only sees what Teams measured, so the problem can still be on a device or setting it does not report.`;
  return cardReply(
    noticeCard({
      title,
      paragraphs: [checked, ...(tabUrl ? [TAB_HAS_THE_REST] : []), 'Things to check:'],
      examples: SYMPTOM_CHECKS[symptom],
      actions: [...(tabUrl ? [openTabButton(tabUrl)] : []), submit('My recent calls', Verbs.recentCalls)],
    }),
    `${title}. Checked ${examined} calls.`,
  );
}
