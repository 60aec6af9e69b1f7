import { describe, expect, it } from 'vitest';
import { ALEX, TEST_TENANT_ID, botInstalled, installationUpdate, teamsActivity, teamsMessage } from '../testing/activities.js';
import { visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

const alexKey = `${TEST_TENANT_ID}/${ALEX.id}`;

describe('install and uninstall', () => {
  it('when the bot is added to a personal chat, then it greets once, says what it can do and stores the conversation reference', async () => {
    const bot = createTestBot();
    const [welcome, ...rest] = await bot.send(botInstalled());
    expect(rest).toEqual([]);
    expect(visibleText(welcome!)).toContain('Hi, I am Call Doctor');
    expect(visibleText(welcome!)).toContain('Why did my last call drop?');
    expect(bot.stores.references.get(alexKey)).toMatchObject({ conversation: { id: `a:personal-${ALEX.id}` }, serviceUrl: 'https://smba.trafficmanager.net/amer/' });
  });

  it('when Teams sends installationUpdate after membersAdded, then the user is not greeted twice', async () => {
    const bot = createTestBot();
    await bot.send(botInstalled());
    expect(await bot.send(installationUpdate('add'))).toEqual([]);
  });

  it('when only installationUpdate arrives (as in the Agents Playground), then it greets and stores the reference', async () => {
    const bot = createTestBot();
    const [welcome] = await bot.send(installationUpdate('add'));
    expect(visibleText(welcome!)).toContain('Hi, I am Call Doctor');
    expect(bot.stores.references.has(alexKey)).toBe(true);
  });

  it('when the app is uninstalled, then the conversation reference is removed', async () => {
    const bot = createTestBot();
    await bot.send(botInstalled());
    await bot.send(installationUpdate('remove'));
    expect(bot.stores.references.has(alexKey)).toBe(false);
  });

  it('when the bot is added to a team, then it greets the channel but stores no reference for alerts', async () => {
    const bot = createTestBot();
    const [welcome] = await bot.send(botInstalled({ scope: 'channel' }));
    expect(visibleText(welcome!)).toContain('Call Doctor');
    expect(bot.stores.references.size).toBe(0);
  });

  it('when someone else joins the conversation, then the bot stays quiet', async () => {
    const bot = createTestBot();
    const activity = { ...teamsActivity('conversationUpdate', { scope: 'groupChat' }), membersAdded: [{ id: '29:new-person', name: 'New Person' }] };
    expect(await bot.send(activity)).toEqual([]);
  });

  it('when the user writes in the personal chat, then the stored reference is refreshed', async () => {
    const bot = createTestBot();
    await bot.send({ ...teamsMessage('help'), serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect(bot.stores.references.get(alexKey)).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/emea/' });
  });
});
