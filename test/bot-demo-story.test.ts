// The bot end to end over the emulator's generated tenant and the real diagnosis engine (no HTTP:
// TestAdapter -> Application.run). Each answer is checked against the generator's ground truth,
// which nobody on the bot side wrote, so a wrong lookup or a wrong card shows up here.
import { describe, expect, it } from 'vitest';
import { generateTenant } from '../emulator/data/generate.js';
import type { GroundTruth } from '../emulator/data/groundTruth.js';
import type { FullCallRecord } from '../graph/contract.js';
import { teamsMessage } from '../bot/testing/activities.js';
import { buttons, visibleText } from '../bot/testing/cardReading.js';
import { createTestBot } from '../bot/testing/testBot.js';
import { createDiagnose, thresholdsFromConfig } from '../server/diagnosisWiring.js';

const now = new Date('2026-11-28T18:00:00Z');
const tenant = generateTenant({ seed: 42, now });
const records = tenant.records as unknown as FullCallRecord[];
const demoUser = tenant.users.find((u) => u.id === tenant.demoUserId)!;
const asker = { id: demoUser.id, name: demoUser.displayName };

// The diagnosis exactly as the server wires it into the bot, with default thresholds.
const realDiagnose = createDiagnose(thresholdsFromConfig({}));

const VERDICT_LABELS: Record<GroundTruth['verdict'], string> = {
  good: 'Good call',
  poor: 'Poor quality',
  dropped: 'Call dropped',
  'setup-failed': 'Call failed to connect',
  unclassified: 'Not enough data',
};

const demoTruths = tenant.groundTruth
  .filter((t) => t.userId === demoUser.id)
  .map((t) => ({ truth: t, record: records.find((r) => r.id === t.callId)! }))
  .sort((a, b) => b.record.startDateTime!.localeCompare(a.record.startDateTime!));

function bot() {
  return createTestBot({ records, now, diagnose: realDiagnose });
}

describe('the bot over the generated demo tenant', () => {
  it('when the demo user asks why their last call dropped, then the newest call is shown with the ground-truth verdict', async () => {
    const newest = demoTruths[0]!;
    const [reply] = await bot().send(teamsMessage('why did my last call drop', { from: asker }));
    const text = visibleText(reply!);
    expect(text).toContain(VERDICT_LABELS[newest.truth.verdict]);
    expect(buttons(reply!).find((b) => b.title === 'Show segments')?.url).toContain(encodeURIComponent(newest.record.id));
    // The first impression says why: the record shows the demo user's Wi-Fi signal collapsing before the drop.
    expect(newest.truth).toMatchObject({ cause: 'wifi-weak-signal', side: 'you' });
    expect(text).toContain('Most likely cause: Weak Wi-Fi signal (on your side)');
    expect(text).toMatch(/your Wi-Fi signal was \d+%.*then the call dropped/);
  });

  it('when asked about the earlier call with Pradeep that dropped without evidence, then the answer says it cannot tell why and what the record shows', async () => {
    const [reply] = await bot().send(teamsMessage('how was my call with Pradeep', { from: asker }));
    const text = visibleText(reply!);
    expect(text).toContain(VERDICT_LABELS.dropped);
    expect(text).toMatch(/The record does not show why: \d+ streams? measured/);
  });

  it('when asked about the call with Ravi, then the newest call with Ravi Patel is diagnosed with its ground-truth verdict', async () => {
    const ravi = tenant.users.find((u) => u.displayName === 'Ravi Patel')!;
    const withRavi = demoTruths.find(({ record }) => record.type === 'peerToPeer' && record.participants_v2.some((p) => p.id === ravi.id))!;
    const [reply] = await bot().send(teamsMessage('how was my call with Ravi', { from: asker }));
    const text = visibleText(reply!);
    expect(text).toContain('your call with Ravi Patel');
    expect(text).toContain(VERDICT_LABELS[withRavi.truth.verdict]);
  });

  it('when asked for poor calls this week, then every listed call is one the ground truth calls poor, dropped or failed', async () => {
    const [reply] = await bot().send(teamsMessage('poor calls this week', { from: asker }));
    const listed = buttons(reply!).filter((b) => b.title === 'Diagnose this call').map((b) => String(b.data?.callId));
    expect(listed.length).toBeGreaterThan(0);
    for (const callId of listed) {
      const truth = tenant.groundTruth.find((t) => t.callId === callId && t.userId === demoUser.id);
      expect([truth?.callId, truth?.verdict]).toEqual([callId, expect.stringMatching(/^(poor|dropped|setup-failed)$/)]);
    }
  });

  it('when asked about the 2pm meeting, then the 14:00 meeting is found', async () => {
    const [reply] = await bot().send(teamsMessage('how was my 2pm meeting', { from: asker }));
    const text = visibleText(reply!);
    expect(text).toContain('your meeting with');
    expect(text).toMatch(/When: (Today|Yesterday), 2:00 PM \(UTC\)/);
  });
});
