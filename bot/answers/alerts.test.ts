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
