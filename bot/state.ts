// Typed turn state. Conversation state is persisted in the Storage the server passes in.
import type { DefaultTempState, TurnState } from '@microsoft/teams-ai';

export interface CallDoctorConversationState {
  /** Set once the welcome card was sent, so install and membersAdded do not greet twice. */
  welcomed?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- nothing is kept per user yet
export interface CallDoctorUserState {}

export type CallDoctorTurnState = TurnState<CallDoctorConversationState, CallDoctorUserState, DefaultTempState>;
