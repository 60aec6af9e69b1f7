// Second line of defence for personal data and secrets in logs. Callers are expected not to log
// these at all; this catches the ones that slip through (a whole Graph record, an error whose
// message quotes a header, a request body). Redaction is by key name, then by pattern on text.
import { isIPv4, isIPv6 } from 'node:net';

export const REDACTED = '[redacted]';

// Keys whose values are secrets or personal data wherever they appear, compared without case,
// dashes or underscores: Graph's networkInfo/report fields, HTTP headers and credential names.
const SENSITIVE_KEY = new RegExp(
  '^(' +
    [
      'authorization', 'proxyauthorization', 'cookie', 'setcookie',
      '.*token', '.*secret', '.*password', 'clientstate', 'apikey', 'xapikey',
      'ip', '.*ipaddress', '.*ipv[46]address', 'subnet', 'macaddress', 'bssid', 'basestationid',
      'callernumber', 'calleenumber', '.*phonenumber', '.*telephonenumber', 'sourcenumber', 'destinationnumber',
      'mail', 'email', 'userprincipalname',
      // Storage and certificate secrets, SAS signatures, and what a user typed to the bot.
      'connectionstring', '.*connectionstring', 'accountkey', 'sharedaccesskey', 'sig', '.*privatekey', 'text',
    ].join('|') +
    ')$',
  'i',
);

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key.replace(/[-_]/g, ''));
}

// Candidates are checked with node:net so that times ("10:30:00") and version strings are not
// mistaken for IPv6; a four-part dotted number is treated as an IPv4 address even when it is a
// version, because over-redacting a version costs less than leaking an address.
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?:%\w+)?(?![\w:])/gi;
const IPV4_CANDIDATE = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g;
const MAC = /(?<![\w:-])[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}(?![\w:-])/gi;
// E.164 as people write it: +, country code, then digits with optional spaces, dots, dashes or brackets.
const E164 = /\+\d[\d\s().-]{5,}\d/g;
const BEARER = /\b(bearer|basic)\s+[\w.~+/=-]+/gi;
// A JWT anywhere (header.payload.signature, base64url, the header always starts with {" = eyJ).
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
// Secrets inside connection strings and SAS URLs: AccountKey=...; SharedAccessSignature=...; ?sig=...
const SECRET_ASSIGNMENT = /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|sig|client_secret)=[^;&\s"'<>]+/gi;
const EMAIL = /[\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
// Phone numbers written without +: digit groups ("425 555 0100", "(020) 7183-8750") or a bare run
// ("4255550100"). Nine or more digits in all; a date ("2026-11-28") has eight and a GUID's groups
// touch letters or dashes, so neither matches. Over-redacting a long number costs less than a leak.
const DIGIT_GROUPS = /(?<![\w.:/+-])\(?\d{2,4}\)?(?:[\s.-]\(?\d{2,4}\)?){1,5}(?![\w.:/-])/g;
const DIGIT_RUN = /(?<![\w.:/+-])\d{9,15}(?![\w.:/-])/g;
const digitCount = (text: string): number => text.replace(/\D/g, '').length;

export function scrubText(text: string): string {
  return text
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_ASSIGNMENT, `$1=${REDACTED}`)
    .replace(EMAIL, REDACTED)
    .replace(IPV6_CANDIDATE, (m) => (isIPv6(m.replace(/%\w+$/, '')) ? REDACTED : m))
    .replace(IPV4_CANDIDATE, (m) => (isIPv4(m) ? REDACTED : m))
    .replace(MAC, REDACTED)
    .replace(E164, REDACTED)
    .replace(DIGIT_GROUPS, (m) => (digitCount(m) >= 9 ? REDACTED : m))
    .replace(DIGIT_RUN, REDACTED);
}

const MAX_DEPTH = 12;

/** A redacted deep copy of anything about to be logged. Never throws, survives cycles. */
export function scrubValue(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Date) return value;
  if (value instanceof Error) {
    const fields: Record<string, unknown> = { type: value.name, message: scrubText(value.message) };
    if (value.stack !== undefined) fields.stack = scrubText(value.stack);
    for (const [key, v] of Object.entries(value)) fields[key] = isSensitiveKey(key) ? REDACTED : scrubValue(v, seen, depth + 1);
    if (value.cause !== undefined) fields.cause = scrubValue(value.cause, seen, depth + 1);
    return fields;
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = isSensitiveKey(key) ? REDACTED : scrubValue(v, seen, depth + 1);
  return out;
}
