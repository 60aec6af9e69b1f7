// Used only when the server wires no explainPhoneCall from diagnosis/: report what the row itself
// states (connected or not, the SIP code and phrase) and make no further judgement.
import type { PhoneCallExplanation, PhoneCallRow } from '../dependencies.js';
import { formatDuration } from '../time/zonedTime.js';

export function describePhoneCallOutcome(call: PhoneCallRow): PhoneCallExplanation {
  if (call.kind === 'pstn') {
    const seconds = call.row.duration ?? 0;
    return seconds > 0
      ? { outcome: 'connected', summary: `The call connected and lasted ${formatDuration(seconds)}.` }
      : { outcome: 'failed', summary: 'The call did not connect (no connected time was billed).' };
  }
  const { successfulCall, finalSipCode, finalSipCodePhrase, callEndSubReason } = call.row;
  const code = finalSipCode ? ` (SIP ${finalSipCode}${finalSipCodePhrase ? ` ${finalSipCodePhrase}` : ''}${callEndSubReason ? `, sub-code ${callEndSubReason}` : ''})` : '';
  if (successfulCall) return { outcome: 'connected', summary: `The call connected through your company’s phone system and lasted ${formatDuration(call.row.duration ?? 0)}.` };
  return {
    outcome: successfulCall === false ? 'failed' : 'unknown',
    summary: `The call did not connect${code}.`,
    advice: `If this keeps happening, give your phone administrator the correlation id ${call.row.correlationId ?? '(not recorded)'}.`,
  };
}
