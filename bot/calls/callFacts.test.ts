// Who the bot says was on a call, read through the real pipeline (TestAdapter -> card).
import { describe, expect, it } from 'vitest';
import { ALEX, RAVI, teamsMessage } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { visibleText } from '../testing/cardReading.js';
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
