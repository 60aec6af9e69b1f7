// What an inbound activity must look like before it reaches botbuilder: every field botbuilder or
// teams-ai reads is type-checked here, so a wrong type is a 400 naming the field instead of a crash
// deep inside the SDK. Examples of those crashes: no serviceUrl makes botbuilder reply to
// api.botframework.com; teams-ai keys turn state by channelId, recipient.id, conversation.id and
// from.id; the reply echoes locale, conversation, from and recipient, and the Bot Connector's
// serializer throws on a number where it expects a string; getMentions calls entity.type.toLowerCase().
// botframework-schema declares the five ids required on every activity type, and Teams and the
// Agents Playground always send them, so the check is the same for every type.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const absent = (value: unknown): boolean => value === undefined || value === null;

/** Optional string fields of the activity itself. */
const ACTIVITY_STRINGS = ['id', 'locale', 'localTimezone', 'textFormat', 'replyToId', 'name', 'action', 'deliveryMode', 'summary', 'inputHint', 'callerId', 'topicName', 'valueType', 'label', 'speak', 'importance'] as const;
/** Optional fields that botbuilder turns into Dates when they are strings. */
const ACTIVITY_DATES = ['timestamp', 'localTimestamp', 'expiration'] as const;
/** Optional string fields of from, recipient and every member of membersAdded/membersRemoved. */
const ACCOUNT_STRINGS = ['name', 'aadObjectId', 'role'] as const;
/** Optional fields of conversation echoed in every reply. */
const CONVERSATION_STRINGS = ['name', 'conversationType', 'tenantId', 'role', 'aadObjectId'] as const;
/** Objects in channelData that teams-ai and the bot read ids from. */
const CHANNEL_DATA_PARTS = ['tenant', 'team', 'channel', 'meeting', 'settings'] as const;

/** Returns what is wrong with the activity, naming the field, or undefined when it can be processed. */
export function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'The body must be a Bot Framework activity object.';
  if (!isNonEmptyString(body.type)) return 'The activity has no "type" (a non-empty string).';
  if (!isNonEmptyString(body.channelId)) return 'The activity has no "channelId" (a non-empty string).';
  return (
    checkServiceUrl(body.serviceUrl) ??
    checkAccount(body.from, 'from') ??
    checkAccount(body.recipient, 'recipient') ??
    checkConversation(body.conversation) ??
    checkOptionalStrings(body, ACTIVITY_STRINGS, '') ??
    checkDates(body) ??
    checkText(body) ??
    checkMembers(body, 'membersAdded') ??
    checkMembers(body, 'membersRemoved') ??
    checkEntities(body) ??
    checkAttachments(body.attachments) ??
    checkChannelData(body.channelData) ??
    checkValue(body.value) ??
    checkOptionalObject(body.relatesTo, 'relatesTo')
  );
}

/** The fields the Bot Connector token is checked against, when they are strings (before the shape is checked). */
export function claimedOrigin(body: unknown): { channelId?: string; serviceUrl?: string } {
  if (!isObject(body)) return {};
  return {
    ...(typeof body.channelId === 'string' ? { channelId: body.channelId } : {}),
    ...(typeof body.serviceUrl === 'string' ? { serviceUrl: body.serviceUrl } : {}),
  };
}

function checkServiceUrl(value: unknown): string | undefined {
  if (!isNonEmptyString(value)) return 'The activity has no "serviceUrl" (the Bot Connector endpoint replies are sent to).';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The activity\'s "serviceUrl" is not an absolute URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The activity\'s "serviceUrl" must be an http(s) URL.';
  return undefined;
}

function checkOptionalStrings(object: Json, fields: readonly string[], prefix: string): string | undefined {
  for (const field of fields) {
    if (!absent(object[field]) && typeof object[field] !== 'string') return `The activity's "${prefix}${field}" must be a string.`;
  }
  return undefined;
}

function checkAccount(value: unknown, path: string): string | undefined {
  if (!isObject(value)) return `The activity has no "${path}" object.`;
  if (!isNonEmptyString(value.id)) return `The activity's "${path}.id" is missing or empty.`;
  return checkOptionalStrings(value, ACCOUNT_STRINGS, `${path}.`);
}

function checkConversation(value: unknown): string | undefined {
  if (!isObject(value)) return 'The activity has no "conversation" object.';
  if (!isNonEmptyString(value.id)) return 'The activity\'s "conversation.id" is missing or empty.';
  if (!absent(value.isGroup) && typeof value.isGroup !== 'boolean') return 'The activity\'s "conversation.isGroup" must be true or false.';
  return checkOptionalStrings(value, CONVERSATION_STRINGS, 'conversation.');
}

function checkDates(body: Json): string | undefined {
  for (const field of ACTIVITY_DATES) {
    const value = body[field];
    if (absent(value)) continue;
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return `The activity's "${field}" must be an ISO 8601 date-time string.`;
  }
  return undefined;
}

function checkText(body: Json): string | undefined {
  if (!absent(body.text) && typeof body.text !== 'string') return 'The activity\'s "text" must be a string.';
  return undefined;
}

// Lists may be missing but not null: botbuilder tests them with `!== undefined` and then iterates.
function checkMembers(body: Json, field: 'membersAdded' | 'membersRemoved'): string | undefined {
  const members = body[field];
  if (members === undefined) return undefined;
  if (!Array.isArray(members)) return `The activity's "${field}" must be an array.`;
  for (const [i, member] of members.entries()) {
    const problem = checkAccount(member, `${field}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

function checkEntities(body: Json): string | undefined {
  const entities = body.entities;
  if (entities === undefined) return undefined;
  if (!Array.isArray(entities)) return 'The activity\'s "entities" must be an array.';
  for (const [i, entity] of entities.entries()) {
    if (!isObject(entity) || typeof entity.type !== 'string') return `The activity's "entities[${i}]" must be an object with a string "type".`;
    if (entity.type.toLowerCase() !== 'mention') continue;
    // botbuilder removes the bot's mention by replacing mention.text inside activity.text.
    if (!isObject(entity.mentioned) || typeof entity.mentioned.id !== 'string') return `The activity's "entities[${i}].mentioned.id" must be a string.`;
    if (!absent(entity.text) && typeof entity.text !== 'string') return `The activity's "entities[${i}].text" must be a string.`;
    if (!absent(entity.mentioned.name) && typeof entity.mentioned.name !== 'string') return `The activity's "entities[${i}].mentioned.name" must be a string.`;
    if (entity.mentioned.id === (body.recipient as Json).id && typeof body.text !== 'string') return 'The activity mentions the bot but has no "text".';
  }
  return undefined;
}

function checkAttachments(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return 'The activity\'s "attachments" must be an array.';
  for (const [i, attachment] of value.entries()) {
    if (!isObject(attachment) || typeof attachment.contentType !== 'string') return `The activity's "attachments[${i}]" must be an object with a string "contentType".`;
  }
  return undefined;
}

function checkChannelData(value: unknown): string | undefined {
  if (absent(value)) return undefined;
  if (!isObject(value)) return 'The activity\'s "channelData" must be an object.';
  for (const part of CHANNEL_DATA_PARTS) {
    const object = value[part];
    if (absent(object)) continue;
    if (!isObject(object)) return `The activity's "channelData.${part}" must be an object.`;
    if (!absent(object.id) && typeof object.id !== 'string') return `The activity's "channelData.${part}.id" must be a string.`;
  }
  if (!absent(value.eventType) && typeof value.eventType !== 'string') return 'The activity\'s "channelData.eventType" must be a string.';
  return undefined;
}

function checkValue(value: unknown): string | undefined {
  // Card submits and invokes carry an object; teams-ai indexes into it (value.verb, value.action).
  if (value === undefined) return undefined;
  if (!isObject(value)) return 'The activity\'s "value" must be an object.';
  if (!absent(value.action) && !isObject(value.action)) return 'The activity\'s "value.action" must be an object.';
  return undefined;
}

function checkOptionalObject(value: unknown, path: string): string | undefined {
  if (absent(value) || isObject(value)) return undefined;
  return `The activity's "${path}" must be an object.`;
}
