// "Why can't I call out?" from the PSTN blocked-users log: the user's block and unblock actions,
// the latest of which says whether they are blocked now.
import { enumValue, obj, str } from '../read.js';

export interface BlockExplanation {
  readonly blockedNow: boolean;
  /** The latest action, if there is one. */
  readonly latest: { readonly mode: 'blocked' | 'unblocked'; readonly at: string | null; readonly reason: string | null } | null;
  readonly summary: string;
  readonly advice: string | null;
}

export interface BlockWording {
  /** Formats an ISO instant for the reader (their time zone); defaults to the ISO text. */
  readonly when?: (iso: string) => string;
}

export function explainBlocking(rows: readonly unknown[], wording: BlockWording = {}): BlockExplanation {
  const when = wording.when ?? ((iso: string) => iso);
  const actions = rows
    .map((row) => obj(row) ?? {})
    .map((r) => ({ mode: enumValue(r.userBlockMode), at: str(r.blockDateTime), reason: str(r.blockReason) }))
    .filter((a): a is { mode: 'blocked' | 'unblocked'; at: string | null; reason: string | null } => a.mode === 'blocked' || a.mode === 'unblocked')
    .sort((a, b) => Date.parse(a.at ?? '') - Date.parse(b.at ?? ''));
  const latest = actions.at(-1) ?? null;
  if (!latest) {
    return {
      blockedNow: false,
      latest: null,
      summary: 'You are not blocked from calling phone numbers: the PSTN blocked-users log has no block on you in the last 30 days.',
      advice: 'If calls out still fail, ask me "why did my call to <number> fail?" with the number you dialed.',
    };
  }
  const at = latest.at ? ` on ${when(latest.at)}` : '';
  const reason = latest.reason ? ` (reason: ${latest.reason})` : '';
  if (latest.mode === 'blocked') {
    return {
      blockedNow: true,
      latest,
      summary: `You are blocked from calling phone numbers: Microsoft blocked your number${at}${reason}. Teams calls still work; only calls to and from phone numbers are stopped.`,
      advice: 'Ask your Teams administrator to review the block and unblock you in the Teams admin center (Users > your account > PSTN usage).',
    };
  }
  return {
    blockedNow: false,
    latest,
    summary: `You are not blocked now: your block was lifted${at}${reason}.`,
    advice: 'If calls out still fail, ask me "why did my call to <number> fail?" with the number you dialed.',
  };
}
