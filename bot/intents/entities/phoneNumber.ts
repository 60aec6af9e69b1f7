// Phone numbers as typed: "+1 425 555 0100", "(425) 555-0100", "+44 20 7946 0958".
// Matching compares digits only, so formats and masked report numbers still line up.

export interface PhoneNumberMention {
  /** As the user wrote it, for the reply. */
  readonly display: string;
  /** Digits only, with no leading + (e.g. "14255550100"). */
  readonly digits: string;
}

export function parsePhoneNumber(text: string): PhoneNumberMention | null {
  // Dates ("2026-11-28") are not numbers to call.
  const match = /(\+?\(?\d[\d\s().-]{5,}\d)/.exec(text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' '));
  if (!match?.[1]) return null;
  const digits = match[1].replace(/\D/g, '');
  // Fewer than 7 digits is a count or a time, not a phone number; more than 15 is not E.164.
  if (digits.length < 7 || digits.length > 15) return null;
  return { display: match[1].trim(), digits };
}

/**
 * True when a report number (E.164, possibly with extra data or masked with "*") is the number asked
 * about. Numbers are compared on their trailing digits so "425 555 0100" matches "+14255550100".
 */
export function samePhoneNumber(reportNumber: string | null | undefined, asked: PhoneNumberMention): boolean {
  if (!reportNumber) return false;
  const digits = reportNumber.replace(/[^\d*]/g, '');
  const shorter = Math.min(digits.length, asked.digits.length);
  if (shorter < 7) return false;
  const a = digits.slice(-shorter);
  const b = asked.digits.slice(-shorter);
  return [...a].every((ch, i) => ch === '*' || ch === b[i]);
}
