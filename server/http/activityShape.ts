// What an inbound activity must carry before it reaches botbuilder. Without these the turn fails
// deep inside the SDK: no serviceUrl makes botbuilder reply to its default api.botframework.com
// (a raw 500 and a RestError on stderr); teams-ai keys turn state by channelId, recipient.id,
// conversation.id and from.id and throws without any of them (an error card for a message, silence
// for an install). botframework-schema declares all five required on every activity type, and
// Teams and the Agents Playground always send them, so the check is the same for every type.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Account-like fields whose `id` the SDK reads. */
const ACCOUNTS = ['conversation', 'from', 'recipient'] as const;

/** Fields the bot iterates when present; anything but an array would throw mid-turn. */
const LISTS = ['entities', 'attachments', 'membersAdded', 'membersRemoved'] as const;

/** Returns what is wrong with the activity, naming the field, or undefined when it can be processed. */
export function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'The body must be a Bot Framework activity object.';
  if (!isNonEmptyString(body.type)) return 'The activity has no "type".';
  if (!isNonEmptyString(body.channelId)) return 'The activity has no "channelId".';
  const serviceUrlProblem = checkServiceUrl(body.serviceUrl);
  if (serviceUrlProblem) return serviceUrlProblem;
  for (const field of ACCOUNTS) {
    const account = body[field];
    if (!isObject(account)) return `The activity has no "${field}" object.`;
    if (!isNonEmptyString(account.id)) return `The activity's "${field}.id" is missing or empty.`;
  }
  for (const field of LISTS) {
    if (body[field] !== undefined && body[field] !== null && !Array.isArray(body[field])) return `The activity's "${field}" must be an array.`;
  }
  if (body.text !== undefined && body.text !== null && typeof body.text !== 'string') return 'The activity\'s "text" must be a string.';
  return undefined;
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
