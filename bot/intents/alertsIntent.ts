import type { AlertRequest } from '../answers/alerts.js';
import { answerAlerts } from '../answers/alerts.js';
import { defineIntent } from './intent.js';

const ABOUT_ALERTS = /\b(alerts?|alerting|notifications?|notify|notifying)\b|\bping me\b/i;
const ONLY_DROPS = /\bonly\b.*\b(drop\w*|fail\w*|disconnect\w*)\b|\b(drop\w*|fail\w*)\b.*\bonly\b|\bjust (?:for |when |on )?(?:a )?(?:call )?(drop\w*|fail\w*)/i;
const OFF = /\b(off|stop|disable|mute|silence|no more|unsubscribe|pause|don'?t|do not|never)\b/i;
const ON = /\b(on|enable|start|resume|all|every|always|back|each|any)\b|\balert me\b|\bnotify me\b/i;
const QUESTION = /^\s*(?:are|is|what|which|do|does|am|how|show|check)\b|\b(status|settings?|current(?:ly)?)\b/i;

export const alertsIntent = defineIntent<AlertRequest>({
  name: 'alerts',
  match(text) {
    if (!ABOUT_ALERTS.test(text)) return null;
    if (ONLY_DROPS.test(text)) return { set: 'drops' };
    // "are my alerts on?" asks; "turn alerts on" tells.
    if (QUESTION.test(text) && !/\b(turn|switch|set|please|can you|could you)\b/i.test(text)) return { status: true };
    if (OFF.test(text)) return { set: 'off' };
    if (ON.test(text)) return { set: 'all' };
    return { status: true };
  },
  answer: (deps, asker, request) => answerAlerts(deps, asker, request),
});
