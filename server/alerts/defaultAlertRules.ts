import type { AlertPreferenceStore } from '../../bot/index.js';
import { DEFAULT_DAILY_CAP, type AlertRules } from './ports.js';

/** The rules until quiet hours and caps are stored: the user's mode, no quiet hours, UTC, cap 3. */
export function alertRulesFromPreferences(preferences: AlertPreferenceStore): AlertRules {
  return {
    async get(user) {
      return { mode: await preferences.get(user), quietHours: null, timeZone: 'UTC', dailyCap: DEFAULT_DAILY_CAP };
    },
  };
}
