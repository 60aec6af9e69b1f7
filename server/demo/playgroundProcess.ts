// The Microsoft 365 Agents Playground (pinned 0.2.28) as the local Teams client.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnvironment } from '../config/index.js';
import { startProcess, type ManagedProcess } from './managedProcess.js';

export interface PlaygroundOptions {
  readonly cwd: string;
  /** Where the generated config and the Playground's log go (data/playground). */
  readonly dataDir: string;
  readonly configYaml: string;
  readonly port: number;
  readonly botEndpoint: string;
  readonly onLine?: (line: string) => void;
  readonly timeoutMs?: number;
}

export interface PlaygroundProcess {
  readonly process: ManagedProcess;
  /** The Playground may fall back to a random port when the asked one is busy. */
  readonly port: number;
  readonly url: string;
}

export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  const configPath = join(options.dataDir, 'm365agentsplayground.yml');
  writeFileSync(configPath, options.configYaml);
  const child = startProcess({
    name: 'Agents Playground',
    command: join(options.cwd, 'node_modules', '.bin', 'agentsplayground'),
    args: ['-p', String(options.port), '--disable-telemetry'],
    cwd: options.cwd,
    env: childEnvironment({
      TEAMSAPPTESTER_BROWSER: 'none',
      BOT_ENDPOINT: options.botEndpoint,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(options.dataDir, 'playground.log'),
    }),
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  try {
    const match = await child.waitForLine(/Listening on (\d+)/, options.timeoutMs ?? 60_000);
    const port = Number(match[1]);
    return { process: child, port, url: `http://localhost:${port}` };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
