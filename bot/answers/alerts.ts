// "Turn alerts off", "alert me only when a call drops", "alert status", "quiet hours 18:00 to
// 08:00", "no quiet hours", "at most 2 alerts a day": one preferences card shows them all.
import { describeQuietHours } from '../alertRules/alertSettings.js';
import type { Asker } from '../asker.js';
import type { CardElement } from '../cards/cardKit.js';
import { adaptiveCard, escapeMarkdown, facts, heading, paragraph, submit, Verbs } from '../cards/cardKit.js';
import type { BotDependencies } from '../dependencies.js';
import type { AlertMode, AlertSettings, AlertSettingsChange, QuietHours } from '../ports.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

export type AlertRequest =
  | { readonly set: AlertMode }
  | { readonly status: true }
  | { readonly quietHours: QuietHours | null }
  | { readonly dailyCap: number }
  /** A rule the user asked for but worded so it cannot be stored; `problem` names what is wrong. */
  | { readonly problem: string };

const MODE_WORDS: Readonly<Record<AlertMode, string>> = {
  all: 'I message you when a call of yours was poor, dropped or failed to connect.',
  drops: 'I message you only when a call of yours dropped or failed to connect.',
  off: 'I don’t send you alerts. You can still ask me about any call.',
};

export async function answerAlerts(deps: BotDependencies, asker: Asker, request: AlertRequest): Promise<BotReply> {
  const user = { tenantId: asker.tenantId, userId: asker.userId };
  const change = changeOf(request);
  // A rule is read on the wall clock of the zone the user set it from (the activity's localTimezone).
  if (change) await deps.stores.alertPreferences.update(user, { ...change, timeZone: asker.timeZone });
  const settings = await deps.stores.alertPreferences.getSettings(user);
  const title = titleOf(request, settings);
  const paragraphs: string[] = [];
  if ('problem' in request) paragraphs.push(request.problem);
  paragraphs.push(MODE_WORDS[settings.mode]);
  // Alerts go to the personal chat, whose address is stored when the user talks to the bot there.
  if (settings.mode !== 'off' && asker.scope !== 'personal' && !(await deps.stores.conversations.get(user))) {
    paragraphs.push('Alerts arrive in a personal chat with me: open one and say "hi" once so I can reach you.');
  }
  const table: [string, string][] = [
    ['Alerts', labelOf(settings.mode)],
    ['Quiet hours', describeQuietHours(settings)],
    ['Daily limit', `At most ${settings.dailyCap} alert${settings.dailyCap === 1 ? '' : 's'} a day`],
  ];
  const hint = 'Say "quiet hours 18:00 to 08:00", "no quiet hours" or "at most 2 alerts a day" to change them. Calls you asked me to watch still arrive in quiet hours.';
  const body: CardElement[] = [heading(escapeMarkdown(title)), ...paragraphs.map((p) => paragraph(escapeMarkdown(p))), facts(table), paragraph(escapeMarkdown(hint), { isSubtle: true, size: 'Small' })];
  const text = [title, ...paragraphs, ...table.map(([k, v]) => `${k}: ${v}`), hint].join('\n');
  const summary = `Alert mode is ${settings.mode}; quiet hours ${settings.quietHours ? `${settings.quietHours.start}-${settings.quietHours.end} ${settings.timeZone}` : 'none'}; daily cap ${settings.dailyCap}.`;
  return cardReply({ card: adaptiveCard(body, text, otherModes(settings.mode)), text }, summary);
}

function changeOf(request: AlertRequest): AlertSettingsChange | null {
  if ('set' in request) return { mode: request.set };
  if ('quietHours' in request) return { quietHours: request.quietHours };
  if ('dailyCap' in request) return { dailyCap: request.dailyCap };
  return null;
}

function titleOf(request: AlertRequest, settings: AlertSettings): string {
  if ('set' in request) return `🔔 Alerts: ${labelOf(settings.mode)}`;
  if ('quietHours' in request) return request.quietHours ? `🌙 Quiet hours: ${describeQuietHours(settings)}` : '🌙 No quiet hours';
  if ('dailyCap' in request) return `🔔 At most ${settings.dailyCap} alert${settings.dailyCap === 1 ? '' : 's'} a day`;
  if ('problem' in request) return '🔔 Nothing changed';
  return `🔔 Your alerts are ${labelOf(settings.mode).toLowerCase()}`;
}

function labelOf(mode: AlertMode): string {
  return mode === 'all' ? 'On' : mode === 'drops' ? 'Only dropped calls' : 'Off';
}

function otherModes(mode: AlertMode): CardElement[] {
  const choices: [AlertMode, string][] = [['all', 'Alert me on every poor call'], ['drops', 'Only dropped calls'], ['off', 'Turn alerts off']];
  return choices.filter(([m]) => m !== mode).map(([m, title]) => submit(title, Verbs.setAlerts, { mode: m }));
}
