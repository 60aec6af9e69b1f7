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
  /** Labelled facts for a card or an expanded row: who ended it, duration and its source, charge, trunk, media bypass. */
  readonly details: readonly PhoneCallDetail[];
}

export interface PhoneCallDetail {
  readonly label: string;
  readonly value: string;
}

export const ENDED_BY_WORDS: Readonly<Record<PhoneCallExplanation['endedBy'], string>> = {
  you: 'You',
  other: 'The other side',
  network: 'The phone network or the SBC',
  unknown: 'Not recorded',
};

const DURATION_SOURCE_WORDS: Readonly<Record<string, string>> = {
  microsoft: 'Measured by Microsoft',
  operator: 'Reported by the operator',
};

function detailsOf(e: Omit<PhoneCallExplanation, 'details'>, extra: { charge?: number | null; currency?: string | null; durationSource?: string | null }): PhoneCallDetail[] {
  const out: PhoneCallDetail[] = [];
  if (e.outcome !== 'unknown') out.push({ label: e.outcome === 'failed' ? 'Refused or ended by' : 'Ended by', value: ENDED_BY_WORDS[e.endedBy] });
  if (e.durationSeconds !== null) out.push({ label: 'Duration', value: durationText(e.durationSeconds).replace(/^ and lasted /, '') || '0 s' });
  if (extra.durationSource) out.push({ label: 'Duration source', value: DURATION_SOURCE_WORDS[extra.durationSource.toLowerCase()] ?? extra.durationSource });
  if (extra.charge !== undefined && extra.charge !== null) out.push({ label: 'Charge', value: `${extra.charge.toFixed(2)}${extra.currency ? ` ${extra.currency}` : ''}` });
  if (e.sip && e.sip.code !== 0) out.push({ label: 'SIP final code', value: `${e.sip.code}${e.sip.phrase ? ` ${e.sip.phrase}` : ''}: ${e.sip.meaning}` });
  if (e.trunk) out.push({ label: 'Trunk (SBC)', value: e.trunk });
  if (e.mediaBypass !== null) out.push({ label: 'Media bypass', value: e.mediaBypass ? 'On: media went directly between Teams and the SBC' : 'Off: media went through Microsoft' });
  return out;
}

function directionOf(callType: string | null): PhoneCallExplanation['direction'] {
  const t = (callType ?? '').toLowerCase();
  if (t.includes('out')) return 'outbound';
  if (/(^|_)in($|_)|byotin/.test(t)) return 'inbound';
  return 'unknown';
}

function durationText(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds === 0) return '';
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
  const explained: Omit<PhoneCallExplanation, 'details'> = {
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
  return { ...explained, details: detailsOf(explained, { charge: num(r.charge), currency: str(r.currency), durationSource: str(r.callDurationSource) }) };
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
  const explained: Omit<PhoneCallExplanation, 'details'> = {
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
  return { ...explained, details: detailsOf(explained, {}) };
}
