// Who an endpoint is. associatedIdentity is the current field; identity (an identitySet) is
// deprecated but still in the documentation examples, so both are read.
import type { EndpointView } from './model.js';
import { maskPhoneNumber } from './phone/mask.js';
import { enumValue, obj, objOrEmpty, str } from './read.js';

const PHONE_NUMBER = /^\+?[\d\s().*-]{6,}$/;

/** An E.164-like number (a GUID is not one: it has hex letters or too many digits). */
function isPhoneNumber(id: string): boolean {
  if (id.length > 24) return false;
  return /^(tel:)?\+?\d{6,15}$/.test(id.replace(/[\s().-]/g, ''));
}

/** Phone participants can carry their number as display name; it is personal data, so only its last digits show. */
function safeDisplayName(name: string | null): string | null {
  if (name === null) return null;
  return PHONE_NUMBER.test(name.trim()) ? maskPhoneNumber(name) : name;
}

const IDENTITY_SET_KEYS = ['user', 'guest', 'phone', 'acsUser', 'azureCommunicationServicesUser', 'applicationInstance', 'application', 'onPremises', 'encrypted', 'spoolUser'];

/** Adds an identity's id to `ids`; returns its display name. Hoisted: it runs for every endpoint. */
function take(identity: unknown, ids: string[]): string | null {
  const o = obj(identity);
  if (!o) return null;
  const id = str(o.id);
  if (id) ids.push(id.toLowerCase());
  return str(o.displayName);
}

function identityIds(endpoint: Readonly<Record<string, unknown>>): { ids: string[]; displayName: string | null; phone: boolean } {
  const ids: string[] = [];
  let displayName = take(endpoint.associatedIdentity, ids);
  const set = obj(endpoint.identity);
  if (set) for (const key of IDENTITY_SET_KEYS) {
    const name = take(set[key], ids);
    displayName ??= name;
  }
  const phone = obj(set?.phone) !== null || (ids[0] !== undefined && isPhoneNumber(ids[0]));
  return { ids, displayName, phone };
}

function kindOf(endpoint: Readonly<Record<string, unknown>>): EndpointView['kind'] {
  const type = enumValue(endpoint['@odata.type']) ?? '';
  if (type.endsWith('serviceendpoint')) return 'service';
  if (type.endsWith('participantendpoint')) return 'participant';
  const agentType = enumValue(objOrEmpty(endpoint.userAgent)['@odata.type']) ?? '';
  if (agentType.endsWith('serviceuseragent')) return 'service';
  if (agentType.endsWith('clientuseragent') || endpoint.associatedIdentity !== undefined || endpoint.identity !== undefined) return 'participant';
  return 'unknown';
}

function trueTokens(tokens: unknown): string[] {
  const o = obj(tokens);
  if (!o) return [];
  return Object.keys(o).filter((k) => o[k] === true && !k.startsWith('@'));
}

/**
 * Reads one endpoint. `fallback` is the session-level endpoint in the same role: segment
 * endpoints in the documentation examples often omit the identity the session carries.
 */
export function readEndpoint(raw: unknown, path: string, userId: string | null, fallback: EndpointView | null, anonymousIsUser = false): EndpointView {
  const endpoint = objOrEmpty(raw);
  let kind = kindOf(endpoint);
  let { ids, displayName, phone } = identityIds(endpoint);
  if (fallback && ids.length === 0 && (kind === 'unknown' || kind === fallback.kind)) {
    ids = [...fallback.ids];
    phone ||= fallback.phone;
    displayName ??= fallback.displayName;
    if (kind === 'unknown') kind = fallback.kind;
  }
  const feedback = objOrEmpty(endpoint.feedback);
  const role = str(objOrEmpty(endpoint.userAgent).role);
  const key = ids[0] ? `id:${ids[0]}` : kind === 'service' ? `service:${role ?? ''}` : `path:${path}`;
  return {
    kind,
    ids,
    displayName: safeDisplayName(displayName),
    role,
    isUser: userId !== null && (ids.includes(userId) || (anonymousIsUser && kind === 'participant' && ids.length === 0)),
    feedbackRating: enumValue(feedback.rating) ?? fallback?.feedbackRating ?? null,
    feedbackTokens: trueTokens(feedback.tokens),
    path,
    key,
    phone: kind !== 'service' && phone,
  };
}
