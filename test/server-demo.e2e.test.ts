// Demo mode as a user runs it: `npm start` with no tenant configured starts the Graph emulator,
// the server (trusting the emulator's certificate) and the Agents Playground signed in as the demo
// user; a question typed into the Playground gets a diagnosis card; SIGTERM stops everything.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/ports.js';
import { visibleText } from '../bot/testing/cardReading.js';
import { childEnvironment } from '../server/config/index.js';
import { startProcess, type ManagedProcess } from '../server/demo/managedProcess.js';
import { connectToPlayground } from './playground-driver.js';

const repoRoot = new URL('..', import.meta.url).pathname;

/** True when nothing accepts connections on the port any more. */
function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

let demo: ManagedProcess;
let output: string[];
let dir: string;
let chatUrl: string;
let botEndpoint: string;
let emulatorPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'call-doctor-demo-'));
  output = [];
  demo = startProcess({
    name: 'npm start',
    command: 'npm',
    args: ['start'],
    cwd: repoRoot,
    env: childEnvironment({
      EMULATOR_PORT: String((emulatorPort = await freePort())),
      PORT: String(await freePort()),
      PLAYGROUND_PORT: String(await freePort()),
      SQLITE_PATH: join(dir, 'demo.sqlite'),
      // No live calls: the test compares answers with the generated data as it was at start.
      DEMO_LIVE_SECONDS: '0',
      LOG_LEVEL: 'warn',
    }),
    onLine: (line) => output.push(line),
  });
  const chat = demo.waitForLine(/Chat here:\s+(http:\/\/localhost:\d+)/, 100_000);
  const bot = demo.waitForLine(/Bot endpoint:\s+(http:\/\/\S+)/, 100_000);
  const [chatMatch, botMatch] = await Promise.all([chat, bot]);
  chatUrl = chatMatch[1]!;
  botEndpoint = botMatch[1]!;
}, 120_000);

afterAll(async () => {
  await demo?.stop(15_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start in demo mode', () => {
  it('when started, then it prints where to chat, where the tab will be, and the emulator banner', () => {
    const text = output.join('\n');
    expect(text).toMatch(/NOT FOR PRODUCTION/);
    expect(text).toMatch(/Tab:\s+http:\/\/localhost:\d+\/tab\//);
    expect(text).toMatch(/you are \S+/);
  });

  it('when the user asks in the Playground, then a diagnosis card comes back from the emulator data', async () => {
    const driver = await connectToPlayground(chatUrl);
    try {
      const after = driver.messageCount();
      await driver.say('why did my last call drop?');
      const shown = await driver.botMessage((m) => (m.attachments ?? []).length > 0, { after, timeoutMs: 60_000 });
      expect(visibleText(shown)).toMatch(/When: .*\n.*With: /s);
      expect(visibleText(shown)).toMatch(/Good call|Poor quality|Call dropped|Call failed to connect|Not enough data/);
    } finally {
      driver.close();
    }
  });

  it('when sent SIGTERM, then every part stops and the bot endpoint goes away', async () => {
    const ports = [emulatorPort, Number(new URL(botEndpoint).port), Number(new URL(chatUrl).port)];
    expect(await Promise.all(ports.map(portIsClosed))).toEqual([false, false, false]);
    await demo.stop(15_000);
    expect(output.join('\n')).toMatch(/stopping \(SIGTERM\)/);
    // The emulator and the Playground run in process groups of their own: demo mode must stop them itself.
    expect(await Promise.all(ports.map(portIsClosed))).toEqual([true, true, true]);
  });
});
