// Test support: the real server as its own process (server/demo/serverChild.ts under tsx), given
// its configuration over IPC as demo mode does, so a test can run several instances side by side
// or kill one outright. Its log lines are kept for the test to read.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { childEnvironment, type AppConfig } from '../../server/config/index.js';
import type { ChildMessage, ParentMessage } from '../../server/demo/serverChild.js';

const serverChild = fileURLToPath(new URL('../../server/demo/serverChild.ts', import.meta.url));

export interface ServerInstance {
  readonly name: string;
  readonly port: number;
  readonly baseUrl: string;
  /** Every line it printed so far (pino JSON). */
  readonly lines: readonly string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no shutdown at all, as a crash. */
  kill(): Promise<void>;
}

/** Forks one server with `config` (its port 0 picks a free one) and resolves once it listens on loopback. */
export async function startServerInstance(name: string, config: AppConfig, options: { timeoutMs?: number } = {}): Promise<ServerInstance> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child: ChildProcess = fork(serverChild, [], {
    // NODE_EXTRA_CA_CERTS (the emulator's certificate) comes from this worker's environment (test/support/tls-setup.ts).
    env: childEnvironment({}),
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = once(child, 'exit');
  child.send({ type: 'config', config } satisfies ParentMessage);

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not listen within ${timeoutMs / 1000} s; it printed:\n${lines.slice(-12).join('\n')}`)), timeoutMs);
    child.on('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'listening') resolve(message.port);
      else reject(new Error(`${name} failed to start: ${message.message}`));
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${String(code)}) before it listened; it printed:\n${lines.slice(-12).join('\n')}`));
    });
  });

  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    async stop(graceMs = 10_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (!running()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
