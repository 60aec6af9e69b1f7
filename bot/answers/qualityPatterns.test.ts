import { describe, expect, it } from 'vitest';
import { diagnoseCall } from '../../diagnosis/index.js';
import { healthyAudio, peerToPeer } from '../../diagnosis/testing/recordBuilder.js';
import type { FullCallRecord } from '../../graph/contract.js';
import { matchIntent } from '../intents/router.js';
import { ALEX, RAVI, teamsMessage } from '../testing/activities.js';
import { visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';

/** A call of Alex's on the given Wi-Fi band, with lost packets when `poor`. */
function alexCall(i: number, band: 'frequency24GHz' | 'frequency50GHz', poor: boolean): FullCallRecord {
  const start = new Date(Date.parse('2026-11-27T09:00:00Z') - i * 3_600_000);
  const timing = { start: start.toISOString(), end: new Date(start.getTime() + 20 * 60_000).toISOString() };
  const record = peerToPeer({
    id: `pattern-call-${i}`,
    caller: { ...ALEX, network: { connectionType: 'wifi', wifiBand: band, wifiSignalStrength: 80 } },
    callee: RAVI,
    timing,
    media: [{ callerToCallee: healthyAudio(poor ? { averagePacketLossRate: 0.2, averageJitter: 'PT0.060S' } : {}) }],
  });
  return { ...record, startDateTime: timing.start, endDateTime: timing.end } as unknown as FullCallRecord;
}

describe('why are my calls always bad', () => {
  it.each(['why are my calls always bad?', 'Why are my calls so bad', 'my meetings keep dropping', 'my calls are often choppy lately'])('when asked "%s", then the quality patterns intent answers', (question) => {
    expect(matchIntent(question)?.name).toBe('qualityPatterns');
  });

  it.each([
    ['it kept cutting out', 'lastCall'],
    ['poor calls this week', 'callList'],
    ['why did my last call drop', 'lastCall'],
  ])('when asked "%s", then another intent keeps it (%s)', (question, intent) => {
    expect(matchIntent(question)?.name).toBe(intent);
  });

  it('when most poor calls were on 2.4 GHz Wi-Fi, then the card says how many and to switch to 5 GHz', async () => {
    const records = [
      ...[0, 1, 2, 3].map((i) => alexCall(i, 'frequency24GHz', true)),
      alexCall(4, 'frequency24GHz', false),
      ...[5, 6, 7].map((i) => alexCall(i, 'frequency50GHz', false)),
    ];
    const bot = createTestBot({ records, diagnose: (record, userId) => diagnoseCall(record, userId) });
    const [reply] = await bot.send(teamsMessage('why are my calls always bad?'));
    const text = visibleText(reply!);
    expect(text).toContain('4 of your 8 calls');
    expect(text).toContain('4 of your 4 poor calls were on 2.4 GHz Wi-Fi.');
    expect(text).toMatch(/5 GHz/);
  });

  it('when the user has no poor calls, then the card says they went well', async () => {
    const bot = createTestBot({ records: [alexCall(0, 'frequency50GHz', false)], diagnose: (record, userId) => diagnoseCall(record, userId) });
    const [reply] = await bot.send(teamsMessage('why are my calls always bad?'));
    expect(visibleText(reply!)).toContain('All 1 of your calls in the last 30 days went well.');
  });
});
