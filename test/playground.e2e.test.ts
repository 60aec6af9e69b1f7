// Issue #6 end to end: the real Microsoft 365 Agents Playground (pinned 0.2.28) as the Teams
// client, signed in as the emulator's demo user, talking to the composed server, which reads the
// in-process Graph emulator. The test chats through the Playground's HTTP + WebSocket API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, visibleText } from '../bot/testing/cardReading.js';
import { VERDICTS } from '../bot/cards/wording.js';
import { diagnoseCall, parseCallRecord } from '../diagnosis/index.js';
import { choosePeople } from '../server/demo/demoPeople.js';
import { playgroundConfig } from '../server/demo/playgroundConfig.js';
import { startPlayground, type PlaygroundProcess } from '../server/demo/playgroundProcess.js';
import { connectToPlayground, type PlaygroundDriver } from './playground-driver.js';
import { newestCallIn, startServerAgainst, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

const repoRoot = new URL('..', import.meta.url).pathname;

let emulator: EmulatorHandle;
let sut: ServerUnderTest;
let playground: PlaygroundProcess;
let driver: PlaygroundDriver;
let dataDir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  sut = await startServerAgainst(emulator);
  dataDir = mkdtempSync(join(tmpdir(), 'call-doctor-playground-'));
  const tenant = emulator.tenant!;
  playground = await startPlayground({
    cwd: repoRoot,
    dataDir,
    configYaml: playgroundConfig({ tenantId: emulator.tenantId, people: choosePeople(tenant.users, tenant.demoUserId) }),
    // Taken ports make the Playground pick a random one; the harness reads its "Listening on" line.
    port: 56000 + Math.floor(Math.random() * 900),
    botEndpoint: `${sut.running.url}/api/messages`,
  });
  driver = await connectToPlayground(playground.url);
}, 90_000);

afterAll(async () => {
  driver?.close();
  await playground?.process.stop();
  await sut?.close();
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Agents Playground end to end', () => {
  it('when started for demo mode, then the Playground signs in as the emulator demo user in the emulator tenant', () => {
    expect(driver.config.currentUser.aadObjectId).toBe(emulator.tenant!.demoUserId);
    expect(driver.config.tenantId).toBe(emulator.tenantId);
  });

  it('when the user asks "why did my last call drop?", then the Playground shows the diagnosis card of their newest call', async () => {
    const userId = emulator.tenant!.demoUserId;
    const record = newestCallIn(emulator, userId);
    const parsed = parseCallRecord(record);
    if (!parsed.ok) throw new Error(parsed.problem);
    const expected = diagnoseCall(parsed.record, userId);

    const after = driver.messageCount();
    await driver.say('why did my last call drop?');
    const shown = await driver.botMessage((m) => (m.attachments ?? []).some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'), { after });

    const text = visibleText(shown);
    expect(text).toContain(`${VERDICTS[expected.verdict].icon} ${VERDICTS[expected.verdict].label}`);
    expect(text).toContain(expected.summary);
    const titles = buttons(shown).map((b) => b.title);
    expect(titles).toEqual(expect.arrayContaining(['Show segments', 'Other recent calls', 'Yes', 'No']));
    expect(buttons(shown).find((b) => b.title === 'Show segments')!.url).toContain(encodeURIComponent(String(record.id)));
  });

  it('when the user types something the bot does not understand, then the Playground shows a help card, not silence', async () => {
    const after = driver.messageCount();
    await driver.say('bananas are yellow');
    const shown = await driver.botMessage((m) => (m.attachments ?? []).length > 0, { after });
    // Help teaches the questions the bot answers.
    expect(visibleText(shown)).toMatch(/why did my last call drop/i);
    expect(visibleText(shown)).not.toContain('Duration');
  });
});
