// Public surface of bot/: what server/ wires. Everything else in this folder is internal.
export { createBot } from './createBot.js';
export type { Bot } from './createBot.js';
export { createBotAdapter, CallDoctorAdapter, type ChannelTokenAuthority } from './adapter.js';
export { channelDigestActivity, postToConversation } from './proactive.js';
export type { DigestInput } from './cards/digestCard.js';
export type { BotAdapterSettings, InboundAuthentication } from './adapter.js';
export type {
  BotDependencies,
  BotLinks,
  BotStores,
  PhoneCallExplanation,
  PhoneCallRow,
  PlannerSettings,
} from './dependencies.js';
export type { CallDoctorTurnState } from './state.js';
export type {
  AlertMode,
  AlertPreferenceStore,
  AlertSettings,
  AlertSettingsChange,
  ChannelDigestStore,
  ChannelDigestSubscription,
  ConversationReferenceStore,
  FeedbackEntry,
  FeedbackStore,
  Forgettable,
  ForgettableData,
  PendingDiagnosis,
  PendingDiagnosisStore,
  QuietHours,
  UserKey,
} from './ports.js';
export { alertCard, type AlertCardInput } from './alerts/alertCard.js';
export { internalParticipants } from './alerts/recipients.js';
export { createProactiveSender, type SendProactive } from './alerts/sendProactive.js';
export type { CardReply } from './cards/cardKit.js';
export { localParts, startOfLocalDay } from './time/zonedTime.js';
export { DEFAULT_ALERT_SETTINGS, DEFAULT_DAILY_CAP, MAX_DAILY_CAP } from './ports.js';
export { checkAlertSettingsChange, isQuietAt } from './alertRules/alertSettings.js';
