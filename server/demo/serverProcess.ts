import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { childEnvironment, type AppConfig } from '../config/index.js';
import type { ChildMessage, ParentMessage } from './serverChild.js';

export interface ServerProcess {
  readonly port: number;
  readonly exited: Promise<unknown>;
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no shutdown at all, as a crash or an out-of-memory kill would leave things (tests). */
  kill(): Promise<void>;
}

/** Forks the server with the emulator's certificate trusted, and waits until it listens. */
export async function startServerProcess(config: AppConfig, trustedCertPath: string, options: { clockStart?: Date; timeoutMs?: number; execArgv?: readonly string[] } = {}): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child: ChildProcess = fork(fileURLToPath(new URL('./serverChild.ts', import.meta.url)), [], {
    env: childEnvironment({ NODE_EXTRA_CA_CERTS: trustedCertPath }),
    // Same loader flags as this process (tsx), so the child runs TypeScript too; tests under vitest pass ['--import', 'tsx'].
    execArgv: [...(options.execArgv ?? process.execArgv)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  child.send({ type: 'config', config, ...(options.clockStart ? { clockStart: options.clockStart.toISOString() } : {}) } satisfies ParentMessage);

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.on('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'listening') resolve(message.port);
      else reject(new Error(message.message));
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${String(code)}) before it listened`));
    });
  });

  return {
    port,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
