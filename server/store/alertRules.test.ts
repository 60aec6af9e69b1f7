import { describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqlite/createSqliteStore.js';
import { alertRulesFrom } from './alertRules.js';
import { DEFAULT_DAILY_CAP } from '../alerts/ports.js';

describe('alert rules for the worker', () => {
  it('when a user set rules in the bot, then the worker reads them; a user who never did gets the defaults', async () => {
    const store = createSqliteStore({ path: ':memory:', now: () => new Date('2026-11-29T12:00:00Z') });
    const rules = alertRulesFrom(store.bot.alertPreferences);
    const user = { tenantId: 't', userId: 'u' };
    await store.bot.alertPreferences.update(user, { mode: 'drops', quietHours: { start: '18:00', end: '08:00' }, timeZone: 'Asia/Tokyo', dailyCap: 2 });
    expect(await rules.get(user)).toEqual({ mode: 'drops', quietHours: { start: '18:00', end: '08:00' }, timeZone: 'Asia/Tokyo', dailyCap: 2 });
    expect(await rules.get({ tenantId: 't', userId: 'other' })).toEqual({ mode: 'all', quietHours: null, timeZone: 'UTC', dailyCap: DEFAULT_DAILY_CAP });
    store.close();
  });
});
