// The words on the card for a rating, through the real pipeline and the real diagnosis, on
// Microsoft's documentation record: Owen (the callee) rated the call poor, Abbie did not rate it.
import { describe, expect, it } from 'vitest';
import { teamsMessage } from '../testing/activities.js';
import { visibleText } from '../testing/cardReading.js';
import { ABBIE, DOCUMENTATION_NOW, OWEN, documentationCall, realDiagnose } from '../testing/documentationRecords.js';
import { createTestBot } from '../testing/testBot.js';

const bot = () => createTestBot({ records: [documentationCall('listed')], now: DOCUMENTATION_NOW, diagnose: realDiagnose });

describe('a call the asker rated', () => {
  it('when the asker rated the call poor, then the cause says they did', async () => {
    const [reply] = await bot().send(teamsMessage('how was my last call', { from: OWEN }));
    const text = visibleText(reply!);
    expect(text).toContain('Poor quality: your call with Abbie Wilkins');
    expect(text).toContain('Most likely cause: You rated it poor');
    expect(text).not.toContain('by a participant');
  });

  it('when only the other person rated it, then the asker’s card mentions no rating', async () => {
    const [reply] = await bot().send(teamsMessage('how was my last call', { from: ABBIE }));
    expect(visibleText(reply!)).not.toMatch(/rated/i);
  });
});
