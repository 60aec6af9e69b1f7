// "Forget my data": a confirmation card first, then every store keyed by the asker deletes what it
// holds about them, and the reply counts what went, kind by kind.
import type { Asker } from '../asker.js';
import type { CardElement } from '../cards/cardKit.js';
import { adaptiveCard, escapeMarkdown, facts, heading, paragraph, submit, Verbs } from '../cards/cardKit.js';
import type { BotDependencies } from '../dependencies.js';
import type { ForgettableData, UserKey } from '../ports.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

/** What the confirm button carries: whose request it was, so nobody else's press deletes anything. */
export interface ForgetSubmission {
  readonly userId?: unknown;
}

export interface ForgetCount {
  readonly what: string;
  readonly removed: number;
}

const RECORDS_NOTE =
  'The call records themselves belong to your organisation’s Microsoft 365: Microsoft keeps them 30 days, and my cached copies of whole calls (which hold everyone on the call) are deleted when those 30 days pass.';

export async function answerForgetRequest(_deps: BotDependencies, asker: Asker): Promise<BotReply> {
  const title = '🗑️ Forget your data?';
  const paragraphs = [
    'I will delete everything I store about you: your alert settings, where I send you alerts, your call history index and call summaries, your feedback, the calls you asked me to watch and the log of alerts I sent you.',
    'Alerts stop until you message me again. This cannot be undone.',
  ];
  const body: CardElement[] = [heading(escapeMarkdown(title)), ...paragraphs.map((p) => paragraph(escapeMarkdown(p)))];
  const text = [title, ...paragraphs].join('\n');
  const actions = [submit('Yes, delete my data', Verbs.forgetMyData, { userId: asker.userId }), submit('Keep my data', Verbs.keepMyData)];
  return cardReply({ card: adaptiveCard(body, text, actions), text }, 'Asked the user to confirm deleting their data.');
}

export async function answerForgetConfirmed(deps: BotDependencies, asker: Asker, submission: ForgetSubmission): Promise<BotReply> {
  if (typeof submission.userId !== 'string' || submission.userId.toLowerCase() !== asker.userId.toLowerCase()) {
    const text = 'That button belongs to someone else’s request. To delete your own data, say "forget my data".';
    return { activity: { type: 'message', text }, summary: text };
  }
  const { counts, failed } = await forgetUser(deps, { tenantId: asker.tenantId, userId: asker.userId });
  const total = counts.reduce((sum, c) => sum + c.removed, 0);
  const title = total === 0 ? '🗑️ I had nothing stored about you' : `🗑️ Deleted ${total} item${total === 1 ? '' : 's'} I stored about you`;
  const table = counts.map((c): [string, string] => [capitalise(c.what), String(c.removed)]);
  const problems = failed.length > 0 ? [`I could not delete your ${failed.join(', ')} just now: say "forget my data" again in a few minutes.`] : [];
  const after = 'If you message me again I keep your chat address so I can answer and alert you; remove the app to stop that.';
  const body: CardElement[] = [heading(escapeMarkdown(title)), facts(table), ...problems.map((p) => paragraph(escapeMarkdown(p), { color: 'Attention' })), paragraph(escapeMarkdown(after)), paragraph(escapeMarkdown(RECORDS_NOTE), { isSubtle: true, size: 'Small' })];
  const text = [title, ...table.map(([k, v]) => `${k}: ${v}`), ...problems, after, RECORDS_NOTE].join('\n');
  deps.logger.info({ removed: Object.fromEntries(counts.map((c) => [c.what, c.removed])) }, 'forgot a user on request');
  return cardReply({ card: adaptiveCard(body, text), text }, `Deleted the user's data: ${counts.map((c) => `${c.what} ${c.removed}`).join(', ')}.`);
}

export function answerForgetCancelled(): BotReply {
  const text = 'Nothing was deleted.';
  return { activity: { type: 'message', text }, summary: text };
}

export interface ForgetOutcome {
  readonly counts: readonly ForgetCount[];
  /** Kinds a store failed to delete (storage unreachable); deleting again later is harmless. */
  readonly failed: readonly string[];
}

/** Every store in turn; one failing store does not stop the others. */
export async function forgetUser(deps: BotDependencies, user: UserKey): Promise<ForgetOutcome> {
  const stores: ForgettableData[] = [
    { what: 'alert settings', store: deps.stores.alertPreferences },
    { what: 'chat addresses for alerts', store: deps.stores.conversations },
    { what: 'feedback votes', store: deps.stores.feedback },
    { what: 'calls you asked me to watch', store: deps.stores.pending },
    ...(deps.otherUserData ?? []),
  ];
  const counts: ForgetCount[] = [];
  const failed: string[] = [];
  for (const { what, store } of stores) {
    try {
      counts.push({ what, removed: await store.forgetUser(user) });
    } catch (error) {
      failed.push(what);
      deps.logger.warn({ what, error: error instanceof Error ? error.name : 'unknown' }, 'could not forget a user in one store');
    }
  }
  return { counts, failed };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
