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
import { freePort } from './support/ports.js';
import { randomUUID } from 'node:crypto';

const repoRoot = new URL('..', import.meta.url).pathname;

let emulator: EmulatorHandle;
let sut: ServerUnderTest;
let playground: PlaygroundProcess;
let driver: PlaygroundDriver;
let dataDir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  // The alert pipeline runs, as in demo mode: Graph's notifications reach this server.
  const port = await freePort();
  sut = await startServerAgainst(emulator, { PUBLIC_URL: `http://127.0.0.1:${port}`, ALERTS_CLIENT_STATE: 'playground-e2e' }, { alerts: true, port });
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

  it('when the demo user has a poor call after chatting, then the alert card appears in the Playground chat, once', async () => {
    const userId = emulator.tenant!.demoUserId;
    const truth = emulator.groundTruth.find((t) => t.userId === userId && t.verdict === 'poor' && t.side === 'you' && !t.ambiguous)!;
    const template = emulator.tenant!.records.find((r) => r.id === truth.callId)!;
    const after = driver.messageCount();
    // A new call like that one, just ended: Graph notifies, the worker fetches and decides.
    await emulator.addRecord({ ...structuredClone(template), id: randomUUID(), version: 1 });

    const shown = await driver.botMessage((m) => buttons(m).some((b) => b.title === 'Stop these alerts'), { after, timeoutMs: 60_000 });
    expect(visibleText(shown)).toContain(VERDICTS.poor.label);
    expect(buttons(shown).map((b) => b.title)).toEqual(expect.arrayContaining(['Show segments', 'Not helpful', 'Stop these alerts']));
  }, 90_000);
});
