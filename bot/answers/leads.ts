// The sentence above a diagnosis that says why this call was chosen: "Your last call was fine, but
// this morning's call with Tomas showed it: your microphone was not working for 62% of the call."
import type { Diagnosis } from '../../diagnosis/types.js';
import type { CallFacts } from '../calls/callFacts.js';
import { callWithWhom } from '../cards/diagnosisCard.js';
import { localParts, startOfLocalDay } from '../time/zonedTime.js';
import type { Symptom } from '../intents/entities/symptom.js';
import type { SymptomMatch } from './symptomMatch.js';
import { SYMPTOM_WORDS } from './symptomMatch.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "this morning's call with Tomas Berg", "yesterday afternoon's meeting with ...", "Monday's call with ...". */
export function callReference(facts: CallFacts, timeZone: string, now: Date): string {
  return `${dayPossessive(facts.start, timeZone, now)} ${callWithWhom(facts)}`;
}

function dayPossessive(instant: Date, timeZone: string, now: Date): string {
  const hour = localParts(instant, timeZone).hour;
  const part = hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
  const at = instant.getTime();
  if (at >= startOfLocalDay(now, timeZone).getTime()) return `this ${part}'s`;
  if (at >= startOfLocalDay(now, timeZone, -1).getTime()) return part === 'evening' ? "last night's" : `yesterday ${part}'s`;
  if (at >= startOfLocalDay(now, timeZone, -6).getTime()) return `${WEEKDAYS[localParts(instant, timeZone).weekday]}'s`;
  const date = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }).format(instant);
  return `the ${date}`;
}

export interface SymptomLeadInput {
  readonly symptom: Symptom;
  readonly match: SymptomMatch;
  readonly matchFacts: CallFacts;
  /** The newest call examined, when it is not the match. */
  readonly newest: { readonly facts: CallFacts; readonly diagnosis: Diagnosis } | null;
  /** The period searched, as said ("this afternoon"), or '' for no period. */
  readonly period: string;
  readonly timeZone: string;
  readonly now: Date;
}

export function symptomLead(input: SymptomLeadInput): string {
  const scope = input.period ? ` ${input.period}` : '';
  const evidence = input.match.cause ? `: ${input.match.cause.evidence}` : '';
  const what = SYMPTOM_WORDS[input.symptom];
  if (!input.newest) return `Your last call${scope} shows ${what}${evidence}.`;
  const first = input.newest.diagnosis.verdict === 'good' ? `Your last call${scope} was fine` : `Your last call${scope} didn't show ${what}`;
  return `${first}, but ${callReference(input.matchFacts, input.timeZone, input.now)} showed it${evidence}.`;
}
