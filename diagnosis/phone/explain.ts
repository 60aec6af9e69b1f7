// Plain-language explanations of PSTN (Calling Plan / Operator Connect) and Direct Routing log
// rows for the phone-calls feature. Numbers are masked; nothing here reads a clock.
import type { CallRecords } from '@microsoft/microsoft-graph-types';
import { bool, num, obj, str } from '../read.js';
import { maskPhoneNumber } from './mask.js';
import { sipMeaning } from './sipCodes.js';

export type PstnRowInput = CallRecords.PstnCallLogRow;
export type DirectRoutingRowInput = CallRecords.DirectRoutingLogRow;

export interface PhoneCallExplanation {
  readonly id: string | null;
  readonly kind: 'pstn' | 'directRouting';
  readonly outcome: 'completed' | 'failed' | 'unknown';
  readonly direction: 'inbound' | 'outbound' | 'unknown';
  /** The other party's number, masked to its last digits. */
  readonly otherParty: string | null;
  readonly durationSeconds: number | null;
  readonly sip: { readonly code: number; readonly phrase: string | null; readonly meaning: string } | null;
  readonly callEndSubReason: number | null;
  /** Who ended or refused the call, from the user's point of view, when the SIP code says so. */
  readonly endedBy: 'you' | 'other' | 'network' | 'unknown';
  readonly mediaBypass: boolean | null;
  readonly trunk: string | null;
  /** Support reference: the Direct Routing correlationId or the PSTN row id (a PSTN callId can embed an IP address). */
  readonly reference: string | null;
  readonly summary: string;
  readonly advice: string | null;
}

function directionOf(callType: string | null): PhoneCallExplanation['direction'] {
  const t = (callType ?? '').toLowerCase();
  if (t.includes('out')) return 'outbound';
  if (/(^|_)in($|_)|byotin/.test(t)) return 'inbound';
  return 'unknown';
}

function durationText(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return ` and lasted ${seconds} s`;
  return ` and lasted ${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function toOrFrom(direction: PhoneCallExplanation['direction'], other: string | null): string {
  if (!other) return '';
  return direction === 'inbound' ? ` from ${other}` : direction === 'outbound' ? ` to ${other}` : ` with ${other}`;
}

function directionWord(direction: PhoneCallExplanation['direction']): string {
  return direction === 'unknown' ? 'phone call' : `${direction} phone call`;
}

export function explainPstnCall(row: PstnRowInput): PhoneCallExplanation {
  const r = obj(row) ?? {};
  const callType = str(r.callType);
  const direction = directionOf(callType);
  const other = maskPhoneNumber(direction === 'inbound' ? r.callerNumber : r.calleeNumber);
  const duration = num(r.duration);
  const completed = duration !== null && duration > 0;
  const operator = str(r.operator);
  const destination = str(r.destinationName);
  const summary =
    `Your ${directionWord(direction)}${toOrFrom(direction, other)}${destination ? ` (${destination})` : ''} ` +
    (completed ? `connected${durationText(duration)}` : 'did not connect or lasted no time') +
    `${operator ? `, carried by ${operator}` : ''}.`;
  return {
    id: str(r.id),
    kind: 'pstn',
    outcome: duration === null ? 'unknown' : completed ? 'completed' : 'failed',
    direction,
    otherParty: other,
    durationSeconds: duration,
    sip: null,
    callEndSubReason: null,
    endedBy: 'unknown',
    mediaBypass: null,
    trunk: null,
    reference: str(r.id),
    summary,
    advice: completed ? null : 'Calling Plan logs carry no failure code; ask IT to look the call up in the PSTN usage report with its call id.',
  };
}

function endedBy(actor: 'callee' | 'caller' | 'network' | 'none', direction: PhoneCallExplanation['direction']): PhoneCallExplanation['endedBy'] {
  if (actor === 'network') return 'network';
  if (actor === 'none' || direction === 'unknown') return 'unknown';
  const userIsCallee = direction === 'inbound';
  return (actor === 'callee') === userIsCallee ? 'you' : 'other';
}

export function explainDirectRoutingCall(row: DirectRoutingRowInput): PhoneCallExplanation {
  const r = obj(row) ?? {};
  const direction = directionOf(str(r.callType));
  const other = maskPhoneNumber(direction === 'inbound' ? r.callerNumber : r.calleeNumber);
  const code = num(r.finalSipCode);
  const phrase = str(r.finalSipCodePhrase);
  const subReason = num(r.callEndSubReason);
  const successful = bool(r.successfulCall);
  const duration = num(r.duration);
  const trunk = str(r.trunkFullyQualifiedDomainName);
  const bypass = bool(r.mediaBypassEnabled);
  const meaning = code !== null ? sipMeaning(code) : null;
  const outcome = successful === true ? 'completed' : successful === false ? 'failed' : 'unknown';
  const via = trunk ? ` through the SBC ${trunk}` : '';
  const codeText = code !== null && code !== 0 ? `SIP ${code}${phrase ? ` ${phrase}` : ''}` : phrase ? `"${phrase}"` : null;
  const sub = subReason !== null ? ` (sub-reason ${subReason})` : '';
  const bypassText = bypass === null ? '' : bypass ? ' Media went directly between Teams and the SBC (media bypass).' : '';
  let summary: string;
  if (outcome === 'completed') {
    summary = `Your ${directionWord(direction)}${toOrFrom(direction, other)}${via} connected${durationText(duration)}; ${meaning?.meaning ?? 'it ended normally'}.${bypassText}`;
  } else {
    summary =
      `Your ${directionWord(direction)}${toOrFrom(direction, other)}${via} did not connect${codeText ? `: ${codeText}${sub}` : sub}` +
      `${meaning ? `, meaning ${meaning.meaning}` : ''}.${bypassText}`;
  }
  const actor = meaning?.actor ?? 'none';
  return {
    id: str(r.id),
    kind: 'directRouting',
    outcome,
    direction,
    otherParty: other,
    durationSeconds: duration,
    sip: code !== null ? { code, phrase, meaning: meaning!.meaning } : null,
    callEndSubReason: subReason,
    endedBy: outcome === 'completed' && actor === 'none' ? 'unknown' : endedBy(actor, direction),
    mediaBypass: bypass,
    trunk,
    reference: str(r.correlationId),
    summary,
    advice: outcome === 'completed' ? null : (meaning?.advice ?? 'Ask IT to look the call up in the Direct Routing health dashboard with its correlation id.'),
  };
}
