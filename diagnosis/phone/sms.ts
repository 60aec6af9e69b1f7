// "Did my text to … go through?" from an SMS log row. Graph's smsLogRow carries no delivery
// receipt: a row says Teams sent (or received) the message and billed its units. So the plainest
// honest words are "sent", "received" or "not sent" (an outgoing row with no unit billed), never
// "delivered to their phone".
import { num, obj, str } from '../read.js';
import { maskPhoneNumber } from './mask.js';

export type SmsStatus = 'sent' | 'received' | 'notSent' | 'unknown';

export interface SmsExplanation {
  readonly id: string | null;
  readonly status: SmsStatus;
  readonly direction: 'outbound' | 'inbound' | 'unknown';
  /** The other side's number, masked to its last digits (Graph may already have masked some). */
  readonly otherParty: string | null;
  readonly units: number | null;
  readonly charge: { readonly amount: number; readonly currency: string | null } | null;
  readonly summary: string;
  readonly advice: string | null;
}

export const SMS_STATUS_WORDS: Readonly<Record<SmsStatus, string>> = {
  sent: 'Sent',
  received: 'Received',
  notSent: 'Not sent',
  unknown: 'Unclear',
};

export function explainSms(row: unknown): SmsExplanation {
  const r = obj(row) ?? {};
  const type = (str(r.smsType) ?? '').toLowerCase();
  const direction = type.endsWith('_out') ? 'outbound' : type.endsWith('_in') ? 'inbound' : 'unknown';
  const other = maskPhoneNumber(direction === 'inbound' ? r.sourceNumber : r.destinationNumber);
  const units = num(r.smsUnits);
  const amount = num(r.callCharge);
  const currency = str(r.currency);
  const charge = amount !== null && amount > 0 ? { amount, currency } : null;
  const status: SmsStatus = direction === 'inbound' ? 'received' : direction === 'outbound' ? (units === null ? 'unknown' : units > 0 ? 'sent' : 'notSent') : 'unknown';
  const party = other ? (direction === 'inbound' ? ` from ${other}` : ` to ${other}`) : '';
  const billed = charge ? `, billed ${charge.amount.toFixed(2)}${charge.currency ? ` ${charge.currency}` : ''}` : '';
  const summaries: Record<SmsStatus, string> = {
    sent: `Your text${party} went out: Teams sent it as ${units} message part${units === 1 ? '' : 's'}${billed}. The log records sending, not whether the phone received it.`,
    received: `You received a text${party}.`,
    notSent: `Your text${party} did not go out: the SMS log shows no message part sent for it.`,
    unknown: `The SMS log has a text${party}, but it does not say whether it went out.`,
  };
  return {
    id: str(r.smsId) ?? str(r.id),
    status,
    direction,
    otherParty: other,
    units,
    charge,
    summary: summaries[status],
    advice: status === 'notSent' ? 'Check the number (with its country code) and send it again; if texts keep failing, ask IT whether your number is enabled for SMS.' : null,
  };
}
