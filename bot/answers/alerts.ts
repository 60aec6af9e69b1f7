// "Turn alerts off", "alert me only when a call drops", "alert status".
import type { Asker } from '../asker.js';
import { noticeCard } from '../cards/noticeCard.js';
import { submit, Verbs } from '../cards/cardKit.js';
import type { BotDependencies } from '../dependencies.js';
import type { AlertMode } from '../ports.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export type AlertRequest = { readonly set: AlertMode } | { readonly status: true };

const MODE_WORDS: Readonly<Record<AlertMode, string>> = {
  all: 'I message you when a call of yours was poor, dropped or failed to connect.',
  drops: 'I message you only when a call of yours dropped or failed to connect.',
  off: 'I don’t send you alerts. You can still ask me about any call.',
};

export async function answerAlerts(deps: BotDependencies, asker: Asker, request: AlertRequest): Promise<BotReply> {
  const user = { tenantId: asker.tenantId, userId: asker.userId };
  if ('set' in request) await deps.stores.alertPreferences.set(user, request.set);
  const mode = 'set' in request ? request.set : await deps.stores.alertPreferences.get(user);
  const title = 'set' in request ? `🔔 Alerts: ${labelOf(mode)}` : `🔔 Your alerts are ${labelOf(mode).toLowerCase()}`;
  const paragraphs = [MODE_WORDS[mode]];
  // Alerts go to the personal chat, whose address is stored when the user talks to the bot there.
  if (mode !== 'off' && asker.scope !== 'personal' && !(await deps.stores.conversations.get(user))) {
    paragraphs.push('Alerts arrive in a personal chat with me: open one and say "hi" once so I can reach you.');
  }
  return cardReply(noticeCard({ title, paragraphs, actions: otherModes(mode) }), `Alert mode is ${mode}.`);
}

function labelOf(mode: AlertMode): string {
  return mode === 'all' ? 'On' : mode === 'drops' ? 'Only dropped calls' : 'Off';
}

function otherModes(mode: AlertMode): ReturnType<typeof submit>[] {
  const choices: [AlertMode, string][] = [['all', 'Alert me on every poor call'], ['drops', 'Only dropped calls'], ['off', 'Turn alerts off']];
  return choices.filter(([m]) => m !== mode).map(([m, title]) => submit(title, Verbs.setAlerts, { mode: m }));
}
