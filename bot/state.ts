// Typed turn state. Conversation state is persisted in the Storage the server passes in (the
// store's botState), so the call under discussion survives a restart.
import type { DefaultTempState, TurnState } from '@microsoft/teams-ai';

/** The call an answer was about, so "what should I do?" and "the one before that" know what "it" is. */
export interface DiscussedCall {
  readonly callId: string;
  readonly startDateTime: string;
  /** When it was last talked about (ISO); an old discussion is not resumed. */
  readonly discussedAt: string;
}

export interface CallDoctorConversationState {
  /** Set once the welcome card was sent, so install and membersAdded do not greet twice. */
  welcomed?: boolean;
  /**
   * The call under discussion, per asker (lower-case Entra object id): in a group chat each person
   * follows up on their own call, never on someone else's.
   */
  discussing?: Record<string, DiscussedCall>;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- nothing is kept per user yet
export interface CallDoctorUserState {}

export type CallDoctorTurnState = TurnState<CallDoctorConversationState, CallDoctorUserState, DefaultTempState>;
