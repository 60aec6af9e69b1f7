// Starts the Graph emulator as its own program (product code never imports it) and reads from
// its start-up lines where it listens, which certificate to trust and who the demo user is.
import { readFileSync } from 'node:fs';
import { childEnvironment } from '../config/index.js';
import { startProcess, type ManagedProcess } from './managedProcess.js';

export interface EmulatorProcessOptions {
  readonly cwd: string;
  readonly port: number;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tlsDir: string;
  readonly seed: number;
  readonly recordsDir: string | undefined;
  /** A new call every this many seconds (its --live), the first one the demo user's poor call; generated tenants only. */
  readonly liveSeconds?: number;
  /** The emulator's clock at start (its --now); the real time when absent. */
  readonly now?: Date;
  readonly onLine?: (line: string) => void;
  readonly timeoutMs?: number;
}

export interface EmulatorProcess {
  readonly process: ManagedProcess;
  readonly baseUrl: string;
  readonly certPath: string;
  /** The certificate text, for this process's own HTTPS calls to the emulator. */
  readonly ca: string;
  /** The generated tenant's demo user; undefined when serving --records. */
  readonly demoUserId: string | undefined;
}

export async function startEmulatorProcess(options: EmulatorProcessOptions): Promise<EmulatorProcess> {
  const args = ['run', '--silent', 'emulator', '--', '--port', String(options.port), '--tenant', options.tenantId, '--app', `${options.clientId}:${options.clientSecret}`, '--tls-dir', options.tlsDir];
  if (options.recordsDir) args.push('--records', options.recordsDir);
  if (options.now) args.push('--now', options.now.toISOString());
  else args.push('--seed', String(options.seed), ...(options.liveSeconds ? ['--live', String(options.liveSeconds)] : []));
  const child = startProcess({ name: 'The Graph emulator', command: 'npm', args, cwd: options.cwd, env: childEnvironment({}), ...(options.onLine ? { onLine: options.onLine } : {}) });

  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    // Watch for all three lines at once: they arrive in one burst once the emulator listens.
    const [listening, data, trust] = await Promise.all([
      child.waitForLine(/Graph emulator listening on (https:\/\/\S+)/, timeoutMs),
      child.waitForLine(/^\s*Data:\s+(.*)$/, timeoutMs),
      child.waitForLine(/NODE_EXTRA_CA_CERTS=(\S+)/, timeoutMs),
    ]);
    const certPath = trust[1]!;
    return { process: child, baseUrl: listening[1]!, certPath, ca: readFileSync(certPath, 'utf8'), demoUserId: /demo user (\S+)/.exec(data[1]!)?.[1] };
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}; is port ${options.port} free? (EMULATOR_PORT)`, { cause: error });
  }
}
