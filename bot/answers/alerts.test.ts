import { describe, expect, it } from 'vitest';
import { ALEX, TEST_TENANT_ID, cardSubmit, teamsMessage } from '../testing/activities.js';
import { button, visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

const alexKey = `${TEST_TENANT_ID}/${ALEX.id}`;

describe('alert preferences', () => {
  it('when the user turns alerts off, then the preference is stored and confirmed', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('turn alerts off'));
    expect(visibleText(reply!)).toContain('Alerts: Off');
    expect(bot.stores.alertModes.get(alexKey)).toBe('off');
  });

  it('when the user asks for drops only, then only dropped calls will alert', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('alert me only when a call drops'));
    expect(visibleText(reply!)).toContain('only when a call of yours dropped');
    expect(bot.stores.alertModes.get(alexKey)).toBe('drops');
  });

  it('when the user asks for the status, then the stored mode is reported without changing it', async () => {
    const bot = createTestBot();
    await bot.send(teamsMessage('turn alerts off'));
    const [reply] = await bot.send(teamsMessage('alert status'));
    expect(visibleText(reply!)).toContain('Your alerts are off');
    expect(bot.stores.alertModes.get(alexKey)).toBe('off');
  });

  it('when a user never chose, then the status says alerts are on', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('are my alerts on?'));
    expect(visibleText(reply!)).toContain('Your alerts are on');
  });

  it('when a mode button on the alerts card is pressed, then that mode is stored', async () => {
    const bot = createTestBot();
    const [card] = await bot.send(teamsMessage('alert status'));
    await bot.send(cardSubmit(button(card!, 'Turn alerts off').data!));
    expect(bot.stores.alertModes.get(alexKey)).toBe('off');
  });
});

describe('alert rules', () => {
  it('when the user sets quiet hours, then they are stored in the time zone of their Teams client and shown on the card', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('quiet hours 18:00 to 08:00', { timeZone: 'Europe/Berlin' }));
    expect(visibleText(reply!)).toContain('Quiet hours: 18:00 to 08:00 (Europe/Berlin)');
    expect(await bot.stores.alertPreferences.getSettings({ tenantId: TEST_TENANT_ID, userId: ALEX.id })).toMatchObject({
      quietHours: { start: '18:00', end: '08:00' },
      timeZone: 'Europe/Berlin',
    });
  });

  it('when the user caps alerts and later removes quiet hours, then the cap stays and the card shows both', async () => {
    const bot = createTestBot();
    await bot.send(teamsMessage('quiet hours 22:00 to 07:00'));
    await bot.send(teamsMessage('at most 2 alerts a day'));
    const [reply] = await bot.send(teamsMessage('no quiet hours'));
    expect(visibleText(reply!)).toContain('No quiet hours');
    expect(visibleText(reply!)).toContain('At most 2 alerts a day');
    expect(await bot.stores.alertPreferences.getSettings({ tenantId: TEST_TENANT_ID, userId: ALEX.id })).toMatchObject({ quietHours: null, dailyCap: 2 });
  });

  it('when the status is asked, then the card shows mode, quiet hours (none) and the default cap of 3', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('alert status'));
    expect(visibleText(reply!)).toContain('Quiet hours');
    expect(visibleText(reply!)).toContain('None');
    expect(visibleText(reply!)).toContain('At most 3 alerts a day');
  });

  it('when quiet hours cannot be read, then nothing is stored and the reply names the problem', async () => {
    const bot = createTestBot();
    const [reply] = await bot.send(teamsMessage('quiet hours 25:00 to 08:00'));
    expect(visibleText(reply!)).toContain('Nothing changed');
    expect(visibleText(reply!)).toContain('25:00 to 08:00');
    expect(bot.stores.alertSettings.size).toBe(0);
  });
});
