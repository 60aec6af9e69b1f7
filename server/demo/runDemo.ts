// Demo mode: the Graph emulator, the server (trusting the emulator's certificate) and the Agents
// Playground, started in that order and stopped in reverse on SIGINT/SIGTERM or when one dies.
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/index.js';
import { ensureTabBuilt } from '../http/tabBuild.js';
import { loadDemoPeople } from './demoPeople.js';
import { startEmulatorProcess } from './emulatorProcess.js';
import { playgroundConfig } from './playgroundConfig.js';
import { demoDataSetStore } from './dataSetStore.js';
import { clockStartForRecords } from './recordsClock.js';
import { startPlayground } from './playgroundProcess.js';
import { startServerProcess } from './serverProcess.js';


type Stoppable = { readonly name: string; stop(): Promise<void> };

export async function runDemo(config: AppConfig, print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<void> {
  const demo = config.demo;
  if (!demo || config.graph.auth.kind !== 'secret') throw new Error('runDemo needs a demo-mode configuration');
  const cwd = process.cwd();
  const dataDir = resolve(cwd, 'data');
  const running: Stoppable[] = [];
  let shuttingDown = false;
  const shutdown = async (reason: string, exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    print(`Call Doctor demo: stopping (${reason})...`);
    for (const part of running.reverse()) {
      await part.stop().catch((error: unknown) => print(`  could not stop ${part.name}: ${(error as Error).message}`));
    }
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    print(`Call Doctor demo mode: offline, against the Graph emulator${demo.recordsDir ? ` serving ${demo.recordsDir}` : ` (seed ${demo.seed})`}.`);
    // One demo clock for both processes: the emulator issues the tab's tokens and the server
    // checks them, so a server clock weeks behind the emulator's would find every token not yet valid.
    const clockStart = demo.recordsDir ? clockStartForRecords(resolve(cwd, demo.recordsDir)) : undefined;
    const clockOffset = clockStart ? clockStart.getTime() - Date.now() : 0;
    const emulator = await startEmulatorProcess({
      cwd,
      port: demo.emulatorPort,
      tenantId: config.graph.tenantId,
      clientId: config.graph.clientId,
      clientSecret: config.graph.auth.clientSecret,
      tlsDir: join(dataDir, 'emulator', 'tls'),
      seed: demo.seed,
      recordsDir: demo.recordsDir && resolve(cwd, demo.recordsDir),
      ...(clockStart && { now: clockStart }),
      // A call ends every so often, the first the demo user's own poor call: its alert reaches the Playground chat within a minute.
      liveSeconds: demo.liveSeconds,
      onLine: print,
    });
    running.push({ name: 'the Graph emulator', stop: () => emulator.process.stop() });
    void emulator.process.exited.then(() => shutdown('the Graph emulator exited', 1));

    await ensureTabBuilt(cwd, print);
    // Each data set its own store: calls indexed from another records folder or seed never show.
    const store = demoDataSetStore(config.store, demo, cwd);
    const server = await startServerProcess({ ...config, store }, emulator.certPath, clockStart ? { clockStart: new Date(Date.now() + clockOffset) } : {});
    running.push({ name: 'the server', stop: () => server.stop() });
    void server.exited.then(() => shutdown('the server exited', 1));
    const serverUrl = `http://localhost:${server.port}`;

    const lines = [
      '',
      'Call Doctor is running (demo mode).',
      `  Bot endpoint:   ${serverUrl}/api/messages`,
      `  Tab:            ${serverUrl}/tab/ (My calls, call detail, My quality; "Show segments" links point there)`,
      ...(emulator.demoUserId ? [`  Sign in:        ${serverUrl}/tab/?as=${encodeURIComponent(emulator.demoUserId)}#/calls (as the demo user; any user: ${serverUrl}/tab/#/signin)`] : [`  Sign in:        ${serverUrl}/tab/#/signin`]),
      `  Graph emulator: ${emulator.baseUrl} (certificate ${emulator.certPath})`,
    ];
    if (store.kind === 'sqlite') lines.push(`  Store:          ${store.path} (this data set's own${demo.recordsDir ? '' : ', emptied at each start'})`);
    if (clockStart) lines.push(`  Demo clock:     starts at ${clockStart.toISOString()}, just after the newest served record, so it counts as recent.`);
    if (demo.playground && emulator.demoUserId) {
      const people = await loadDemoPeople(emulator, emulator.demoUserId);
      const playground = await startPlayground({
        cwd,
        dataDir: join(dataDir, 'playground'),
        configYaml: playgroundConfig({ tenantId: config.graph.tenantId, people }),
        port: demo.playgroundPort,
        botEndpoint: `http://127.0.0.1:${server.port}/api/messages`,
      });
      running.push({ name: 'the Agents Playground', stop: () => playground.process.stop() });
      void playground.process.exited.then(() => shutdown('the Agents Playground exited', 1));
      lines.push(`  Chat here:      ${playground.url} (Agents Playground; you are ${people.currentUser.displayName})`, '  Try: "why did my last call drop?", "my calls today", "poor calls this week", "help".');
    } else {
      lines.push(`  No Playground (${demo.recordsDir ? '--records' : '--no-playground'}): post activities to the bot endpoint yourself.`);
    }
    lines.push('Press Ctrl+C to stop.', '');
    lines.forEach((line) => print(line));
  } catch (error) {
    print(`Call Doctor demo could not start: ${(error as Error).message}`);
    await shutdown('start-up failed', 1);
  }
}
