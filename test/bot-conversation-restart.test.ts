// The call under discussion lives in the bot's turn state, which the server keeps in the store's
// botState. A bot process that restarts over the same SQLite file still answers "what about the
// one before that?" about the call discussed before the restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../bot/testing/conversation.js';
import { createWorldBot, WORLD } from '../bot/testing/symptomWorld.js';
import { TEST_NOW } from '../bot/testing/testBot.js';
import { createSqliteStore } from '../server/store/sqlite/createSqliteStore.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('call under discussion across a restart (SQLite botState)', () => {
  it('when the server restarts between a question and its follow-up, then the follow-up is about the same call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'call-doctor-state-'));
    dirs.push(dir);
    const path = join(dir, 'store.sqlite');

    const before = createSqliteStore({ path, now: () => TEST_NOW });
    const first = await ask(createWorldBot({ storage: before.botState }), 'nobody could hear me');
    expect(first.callId).toBe(WORLD.micDead);
    before.close();

    const after = createSqliteStore({ path, now: () => TEST_NOW });
    try {
      const bot = createWorldBot({ storage: after.botState });
      const advice = await ask(bot, 'what should i do');
      expect(advice.text).toContain("For this morning's call with Tomas Berg:");
      const previous = await ask(bot, 'what about the one before that');
      expect(previous.callId).toBe(WORLD.dropped);
    } finally {
      after.close();
    }
  });
});
