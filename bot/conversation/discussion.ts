// The call under discussion: remembered after every answer about one call (typed, text or button),
// read by follow-ups. Kept in conversation state per asker, so it is persisted with the rest of the
// turn state and survives a restart; a discussion older than DISCUSSION_HOURS is not resumed.
import type { TurnContext } from 'botbuilder';
import type { AnsweredCall } from '../answers/reply.js';
import type { Asker } from '../asker.js';
import type { CallDoctorTurnState, DiscussedCall } from '../state.js';

/** After this long, "what should I do?" no longer obviously means the call talked about back then. */
export const DISCUSSION_HOURS = 12;
/** Group chats can have many askers; keep the newest few. */
const MAX_ASKERS = 25;
const ANSWERED = 'callDoctor.answeredCall';

/** Called by respondAsAsker: the answer just sent was about this call. */
export function noteAnsweredCall(context: TurnContext, asker: Asker, call: AnsweredCall): void {
  context.turnState.set(ANSWERED, { userId: asker.userId, call });
}

/** afterTurn: copy what this turn answered about into the persisted conversation state. */
export function rememberAnsweredCall(context: TurnContext, state: CallDoctorTurnState, now: Date): void {
  const answered = context.turnState.get(ANSWERED) as { userId: string; call: AnsweredCall } | undefined;
  if (!answered) return;
  const discussing = { ...(state.conversation.discussing ?? {}) };
  discussing[answered.userId.toLowerCase()] = { callId: answered.call.callId, startDateTime: answered.call.startDateTime, discussedAt: now.toISOString() };
  const newest = Object.entries(discussing)
    .sort(([, a], [, b]) => b.discussedAt.localeCompare(a.discussedAt))
    .slice(0, MAX_ASKERS);
  state.conversation.discussing = Object.fromEntries(newest);
}

export function discussedCall(state: CallDoctorTurnState, userId: string, now: Date): DiscussedCall | null {
  const call = state.conversation.discussing?.[userId.toLowerCase()];
  if (!call) return null;
  const ageHours = (now.getTime() - new Date(call.discussedAt).getTime()) / 3_600_000;
  return ageHours >= 0 && ageHours <= DISCUSSION_HOURS ? call : null;
}
