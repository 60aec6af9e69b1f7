// Teams-shaped activities for tests: the fields Teams really sends (aadObjectId, tenant in both
// places, conversationType), with overrides for the case under test.
import type { Activity, ChannelAccount } from 'botbuilder';

export const TEST_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEST_BOT: ChannelAccount = { id: '28:call-doctor-bot', name: 'Call Doctor' };

export interface TestPerson {
  readonly id: string;
  readonly name: string;
}

/** The asker of most tests; her Entra object id appears in the fake call records. */
export const ALEX: TestPerson = { id: '11111111-aaaa-4aaa-8aaa-000000000001', name: 'Alex Wilber' };
export const RAVI: TestPerson = { id: '22222222-bbbb-4bbb-8bbb-000000000002', name: 'Ravi Patel' };
export const LENA: TestPerson = { id: '33333333-cccc-4ccc-8ccc-000000000003', name: 'Lena Fischer' };
export const MEGAN: TestPerson = { id: '44444444-dddd-4ddd-8ddd-000000000004', name: 'Megan Bowen' };

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface ActivityOptions {
  readonly from?: TestPerson | null;
  readonly scope?: Scope;
  readonly timeZone?: string;
  readonly mentionBot?: boolean;
}

export function teamsActivity(type: string, options: ActivityOptions = {}): Partial<Activity> {
  const from = options.from === undefined ? ALEX : options.from;
  const scope = options.scope ?? 'personal';
  const conversationId = scope === 'personal' ? `a:personal-${from?.id ?? 'anonymous'}` : scope === 'channel' ? '19:channel@thread.tacv2' : '19:groupchat@thread.v2';
  return {
    type,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    from: from ? { id: `29:${from.id}`, name: from.name, aadObjectId: from.id } : { id: '29:someone', name: 'Someone' },
    recipient: TEST_BOT,
    conversation: { id: conversationId, conversationType: scope, tenantId: TEST_TENANT_ID, isGroup: scope !== 'personal', name: '' },
    channelData: { tenant: { id: TEST_TENANT_ID }, ...(scope === 'channel' ? { channel: { id: conversationId }, team: { id: '19:team@thread.tacv2' } } : {}) },
    ...(options.timeZone ? { localTimezone: options.timeZone } : {}),
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', ...(options.timeZone ? { timezone: options.timeZone } : {}) }],
  };
}

/** A message as Teams delivers it; in group scopes `mentionBot` adds the <at> mention Teams puts in the text. */
export function teamsMessage(text: string, options: ActivityOptions = {}): Partial<Activity> {
  const base = teamsActivity('message', options);
  if (!options.mentionBot) return { ...base, text, textFormat: 'plain', locale: 'en-US' };
  const mentionText = `<at>${TEST_BOT.name}</at>`;
  return {
    ...base,
    text: `${mentionText} ${text}`,
    textFormat: 'plain',
    entities: [...(base.entities ?? []), { type: 'mention', text: mentionText, mentioned: { id: TEST_BOT.id, name: TEST_BOT.name } }],
  };
}

/** What Teams sends when someone presses an Action.Submit button. */
export function cardSubmit(data: Record<string, unknown>, options: ActivityOptions = {}): Partial<Activity> {
  return { ...teamsActivity('message', options), value: data };
}

export function botInstalled(options: ActivityOptions = {}): Partial<Activity> {
  return { ...teamsActivity('conversationUpdate', options), membersAdded: [{ id: TEST_BOT.id, name: TEST_BOT.name }] };
}

export function installationUpdate(action: 'add' | 'remove', options: ActivityOptions = {}): Partial<Activity> {
  return { ...teamsActivity('installationUpdate', options), action };
}
