// Who is asking, read from the Teams activity. The asker is the only person whose calls the bot
// talks about in this turn: Entra object id (from.aadObjectId) inside the activity's tenant.
import type { Activity } from 'botbuilder';
import type { UserKey } from './ports.js';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface Asker extends UserKey {
  readonly displayName: string | null;
  /** IANA time zone for showing times; UTC when the client did not say or said something invalid. */
  readonly timeZone: string;
  readonly scope: ConversationScope;
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
