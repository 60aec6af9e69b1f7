// Who is asking, read from the Teams activity. The asker is the only person whose calls the bot
// talks about in this turn: Entra object id (from.aadObjectId) inside the activity's tenant.
import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { UserKey } from './ports.js';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface Asker extends UserKey {
  readonly displayName: string | null;
  /** IANA time zone for showing times; UTC when the client did not say or said something invalid. */
  readonly timeZone: string;
  readonly scope: ConversationScope;
  /** In a team channel: where the channel is and which team's group it belongs to (the daily digest). */
  readonly channel?: ChannelPlace;
}

export interface ChannelPlace {
  /** The channel's id (channelData.channel.id), without the ;messageid= of a thread. */
  readonly channelId: string;
  /** The team's Microsoft 365 group id (channelData.team.aadGroupId); null when Teams did not say. */
  readonly teamGroupId: string | null;
  /** A reference that posts to the channel itself (a new post), not into the thread asked in. */
  readonly reference: Partial<ConversationReference>;
}

export type AskerResult =
  | { readonly ok: true; readonly asker: Asker }
  | { readonly ok: false; readonly problem: 'no-work-account' | 'no-tenant' };

export function identifyAsker(activity: Partial<Activity>): AskerResult {
  // typeof checks: an id of another type must never become a store key (the HTTP edge refuses it too).
  const userId: unknown = activity.from?.aadObjectId;
  if (typeof userId !== 'string' || userId === '') return { ok: false, problem: 'no-work-account' };
  const tenantId: unknown = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof tenantId !== 'string' || tenantId === '') return { ok: false, problem: 'no-tenant' };
  return {
    ok: true,
    asker: {
      tenantId,
      userId,
      displayName: activity.from?.name ?? null,
      timeZone: timeZoneOf(activity),
      scope: scopeOf(activity),
      ...channelOf(activity),
    },
  };
}

function withoutUser(reference: Partial<ConversationReference>): Partial<ConversationReference> {
  const { user: _user, ...rest } = reference;
  return rest;
}

function channelOf(activity: Partial<Activity>): { channel?: ChannelPlace } {
  if (scopeOf(activity) !== 'channel') return {};
  const data = activity.channelData as { channel?: { id?: unknown }; team?: { aadGroupId?: unknown } } | undefined;
  const fromData = data?.channel?.id;
  const channelId = typeof fromData === 'string' && fromData !== '' ? fromData : String(activity.conversation?.id ?? '').split(';')[0]!;
  if (channelId === '') return {};
  const groupId = data?.team?.aadGroupId;
  const reference = TurnContext.getConversationReference(activity);
  return {
    channel: {
      channelId,
      teamGroupId: typeof groupId === 'string' && groupId !== '' ? groupId.toLowerCase() : null,
      // No activityId and the bare channel id: the digest opens a new post instead of replying in
      // this thread. No user: the channel's digest is not about the person who asked for it.
      reference: { ...withoutUser(reference), activityId: undefined, conversation: { ...reference.conversation!, id: channelId } },
    },
  };
}

export function scopeOf(activity: Partial<Activity>): ConversationScope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

function timeZoneOf(activity: Partial<Activity>): string {
  const clientInfo = activity.entities?.find((entity) => entity.type === 'clientInfo') as { timezone?: unknown } | undefined;
  const candidates = [activity.localTimezone, clientInfo?.timezone];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && isValidTimeZone(candidate)) return candidate;
  }
  return 'UTC';
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True when the bot itself is @mentioned in the activity (Teams only delivers channel messages that mention it, but group chats can differ). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}
