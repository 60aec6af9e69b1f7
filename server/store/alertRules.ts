// The alert worker's AlertRules port (server/alerts/ports.ts) read from the bot's preference store,
// where "quiet hours 18:00 to 08:00" and "at most 2 alerts a day" are written: one source of truth.
import type { AlertPreferenceStore } from '../../bot/index.js';
import type { AlertRules } from '../alerts/ports.js';

export function alertRulesFrom(preferences: AlertPreferenceStore): AlertRules {
  return { get: (user) => preferences.getSettings(user) };
}
