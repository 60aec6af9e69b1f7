// Symptom questions and follow-ups over the emulator's generated demo tenant (seed 42) with the
// real diagnosis, judged by the generator's ground truth (which the bot side did not write).
import { describe, expect, it } from 'vitest';
import { causesOf } from '../bot/answers/symptomMatch.js';
import type { Symptom } from '../bot/intents/entities/symptom.js';
import { ask } from '../bot/testing/conversation.js';
import { createTestBot } from '../bot/testing/testBot.js';
import { generateTenant } from '../emulator/data/generate.js';
import type { FullCallRecord } from '../graph/contract.js';
import { createDiagnose, thresholdsFromConfig } from '../server/diagnosisWiring.js';

const now = new Date('2026-11-28T18:00:00Z');
const tenant = generateTenant({ seed: 42, now });
const records = tenant.records as unknown as FullCallRecord[];
const demoUser = tenant.users.find((u) => u.id === tenant.demoUserId)!;
const from = { id: demoUser.id, name: demoUser.displayName };
const truthOf = (callId: string) => tenant.groundTruth.find((t) => t.callId === callId && t.userId === demoUser.id);

function bot() {
  return createTestBot({ records, now, diagnose: createDiagnose(thresholdsFromConfig({})) });
}

describe('symptoms over the demo tenant', () => {
  it('when the demo user says they could not hear anything, then the answer is the demo story’s muted-speaker call', async () => {
    const answer = await ask(bot(), 'why cant i hear anything on calls', { from });
    expect(truthOf(answer.callId!)?.cause).toBe('speaker-muted');
    expect(answer.text).toContain('Nestor Wilke');
  });

  it('when the demo user says they sounded like a robot, then the answer is the demo story’s CPU-overload call', async () => {
    const answer = await ask(bot(), 'people said i sounded like a robot', { from });
    expect(truthOf(answer.callId!)?.cause).toBe('cpu-overload');
    expect(answer.text).toContain('Johanna Lorenz');
  });

  it.each<[string, Symptom]>([
    ['nobody could hear me', 'cantBeHeard'],
    ['is my mic broken', 'cantBeHeard'],
    ['so much echo', 'echo'],
    ['the video kept freezing', 'frozenVideo'],
    ['i got disconnected', 'dropped'],
    ['there was lag', 'delay'],
  ])('when the demo user writes "%s", then the call answered has a ground-truth cause of that symptom, or the bot says none did', async (question, symptom) => {
    const answer = await ask(bot(), question, { from });
    if (answer.callId === null) {
      expect(answer.title).toMatch(/^None of your calls/);
      expect(answer.text).toContain('Things to check');
    } else {
      const record = records.find((r) => r.id === answer.callId)!;
      expect(record.participants_v2.some((p) => p.id === demoUser.id || p.identity?.user?.id === demoUser.id), 'the demo user took part').toBe(true);
      // The lead quotes the evidence that made this call the match; a dropped call shows its verdict.
      if (symptom === 'dropped') expect(answer.text).toMatch(/Call dropped|Call failed to connect/);
      else expect(answer.title).toMatch(/(showed it|shows [^:]+): .+/);
      const truth = tenant.groundTruth.find((t) => t.callId === answer.callId && t.userId === demoUser.id);
      if (truth && symptom !== 'dropped' && symptom !== 'frozenVideo') expect(causesOf(symptom)).toContain(truth.cause);
    }
  });

  it('when the demo user follows up on the muted-speaker call, then the side and the advice are about that call', async () => {
    const b = bot();
    await ask(b, 'why cant i hear anything on calls', { from });
    const side = await ask(b, 'was it me or them', { from });
    expect(side.title).toBe('On your side: Speaker muted or at zero volume');
    const advice = await ask(b, 'what should i do', { from });
    expect(advice.text).toContain('Speaker muted or at zero volume (on your side)');
  });
});
