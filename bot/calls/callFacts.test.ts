// Who the bot says was on a call, read through the real pipeline (TestAdapter -> card).
import { describe, expect, it } from 'vitest';
import { ALEX, RAVI, teamsMessage } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { visibleText } from '../testing/cardReading.js';
import { ABBIE, DOCUMENTATION_NOW, documentationCall, realDiagnose } from '../testing/documentationRecords.js';
import { createTestBot } from '../testing/testBot.js';

describe('whose call it is', () => {
  it('when the record spells the asker’s object id in upper case, then the call is still theirs and they are not listed as someone they talked to', async () => {
    // Entra object ids are GUIDs: Graph and Teams may differ in case, the person is the same.
    const upperCaseAlex = { id: ALEX.id.toUpperCase(), name: ALEX.name };
    const record = testCall({ id: 'upper', start: '2026-11-28T14:00:00Z', asker: upperCaseAlex, with: [RAVI], quality: 'dropped' });
    const bot = createTestBot({ records: [record] });
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    const text = visibleText(reply!);
    expect(text).toContain('Call dropped: your call with Ravi Patel');
    expect(text).toContain('With: Ravi Patel\n');
  });
});

describe('who else was on the call', () => {
  it('when the record lists no participants_v2, then the other person is named from the session endpoints', async () => {
    const bot = createTestBot({ records: [documentationCall('none')], now: DOCUMENTATION_NOW, diagnose: realDiagnose });
    const [reply] = await bot.send(teamsMessage('how was my last call', { from: ABBIE }));
    const text = visibleText(reply!);
    expect(text).toContain('your call with Owen Franklin');
    expect(text).toContain('With: Owen Franklin');
    expect(text).not.toMatch(/with a call|With: a call/);
  });

  it('when participants_v2 files the other person under the asker’s participant id, then their identity still names them', async () => {
    const bot = createTestBot({ records: [documentationCall('listed')], now: DOCUMENTATION_NOW, diagnose: realDiagnose });
    const [reply] = await bot.send(teamsMessage('how was my last call', { from: ABBIE }));
    expect(visibleText(reply!)).toContain('your call with Owen Franklin');
  });

  it('when nobody else is listed anywhere in the record, then the card says so instead of "a call"', async () => {
    const alone = testCall({ id: 'alone', start: '2026-11-28T14:00:00Z' });
    const bot = createTestBot({ records: [alone] });
    const [reply] = await bot.send(teamsMessage('how was my last call'));
    const text = visibleText(reply!);
    expect(text).toContain('your call (no other participants listed)');
    expect(text).toContain('With: no other participants listed');
    const [list] = await bot.send(teamsMessage('my calls today'));
    expect(visibleText(list!)).toContain('call (no other participants listed), 10 min');
  });
});

describe('phone participants on cards', () => {
  const withPhone = testCall({ id: 'phone', start: '2026-11-28T14:00:00Z', with: [RAVI], phone: '+14255550123' });

  it('when a phone participant was on the call, then the card shows only the last digits of their number', async () => {
    const bot = createTestBot({ records: [withPhone] });
    const [reply] = await bot.send(teamsMessage('how was my last call'));
    const text = visibleText(reply!);
    expect(text).toContain('With: Ravi Patel, +*******0123');
    expect(text).not.toContain('4255550123');
  });

  it('when the list is shown in a channel, then no full number reaches it', async () => {
    const bot = createTestBot({ records: [withPhone] });
    const [list] = await bot.send(teamsMessage('my calls today', { scope: 'channel', mentionBot: true }));
    expect(visibleText(list!)).toContain('+*******0123');
    expect(JSON.stringify(list)).not.toContain('4255550123');
  });

  it('when the record names a phone participant by their number, then that name is masked too', async () => {
    const named = testCall({ id: 'named-phone', start: '2026-11-28T14:00:00Z' });
    const participants = [...named.participants_v2, { id: 'p2', identity: { phone: { id: '+14255550123', displayName: '+1 (425) 555-0123' } } }];
    const bot = createTestBot({ records: [{ ...named, participants_v2: participants }] });
    const [reply] = await bot.send(teamsMessage('how was my last call'));
    expect(visibleText(reply!)).toContain('With: +* (***) ***-0123');
    expect(JSON.stringify(reply)).not.toMatch(/555.?0123/);
  });
});
