// Child processes demo mode starts (emulator, Playground). Each runs in its own process group so
// that stopping it also stops what it spawned (npm -> sh -> tsx -> node), and only that.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the first output line (stdout or stderr) matching `pattern`; rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves when the process has exited (for any reason). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the group, SIGKILL to what is left of it after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Each output line, e.g. to forward with a prefix. */
  readonly onLine?: (line: string) => void;
}

export function startProcess(options: StartOptions): ManagedProcess {
  const spawnOptions: SpawnOptions = { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true };
  const child: ChildProcess = spawn(options.command, [...options.args], spawnOptions);
  if (child.pid === undefined) throw new Error(`${options.name} could not be started (${options.command})`);
  const pid = child.pid;
  const watchers = new Set<(line: string) => void>();
  // The last lines it printed, so "exited before it was ready" can say why.
  const recent: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      options.onLine?.(line);
      recent.push(line);
      if (recent.length > 12) recent.shift();
      for (const watch of watchers) watch(line);
    });
  }
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));

  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      // ESRCH: nothing is left in the group.
      return false;
    }
  };
  // The leader (npm) can exit before the processes it started: wait for the whole group.
  const groupGone = async (deadline: number): Promise<boolean> => {
    while (Date.now() < deadline) {
      if (!signalGroup(0)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !signalGroup(0);
  };

  return {
    name: options.name,
    pid,
    exited,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`${options.name} did not print ${pattern} within ${timeoutMs / 1000} s`)), timeoutMs);
        const watch = (line: string) => {
          const match = line.match(pattern);
          if (match) finish(undefined, match);
        };
        const finish = (error?: Error, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          watchers.delete(watch);
          if (error) reject(error);
          else resolve(match!);
        };
        watchers.add(watch);
        void exited.then(({ code, signal }) => finish(new Error(`${options.name} exited (${signal ?? `code ${code}`}) before it was ready; it last printed:\n${recent.join('\n')}`)));
      });
    },
    async stop(graceMs = 5_000) {
      if (!signalGroup('SIGTERM')) return;
      if (!(await groupGone(Date.now() + graceMs))) signalGroup('SIGKILL');
      await exited;
    },
  };
}
