// Starts the Graph emulator as its own program (product code never imports it) and waits until
// it answers over HTTPS with its self-signed certificate.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnvironment } from '../config/index.js';
import { startProcess, type ManagedProcess } from './managedProcess.js';
import { waitForHttps } from './waitForHttps.js';

/** The emulator writes its certificate under --tls-dir with this name. */
export const EMULATOR_CERT_FILE = 'emulator-cert.pem';

export interface EmulatorProcessOptions {
  readonly cwd: string;
  readonly port: number;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tlsDir: string;
  readonly seed: number;
  readonly recordsDir: string | undefined;
  readonly onLine?: (line: string) => void;
  readonly timeoutMs?: number;
}

export interface EmulatorProcess {
  readonly process: ManagedProcess;
  readonly baseUrl: string;
  readonly certPath: string;
  /** The certificate text, for this process's own HTTPS calls to the emulator. */
  readonly ca: string;
}

export async function startEmulatorProcess(options: EmulatorProcessOptions): Promise<EmulatorProcess> {
  const args = ['run', '--silent', 'emulator', '--', '--port', String(options.port), '--tenant', options.tenantId, '--app', `${options.clientId}:${options.clientSecret}`, '--tls-dir', options.tlsDir];
  if (options.recordsDir) args.push('--records', options.recordsDir);
  else args.push('--seed', String(options.seed));
  const child = startProcess({ name: 'Graph emulator', command: 'npm', args, cwd: options.cwd, env: childEnvironment({}), ...(options.onLine ? { onLine: options.onLine } : {}) });

  const baseUrl = `https://localhost:${options.port}`;
  const certPath = join(options.tlsDir, EMULATOR_CERT_FILE);
  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    await Promise.race([
      waitUntilServing(baseUrl, certPath, timeoutMs),
      child.exited.then(({ code }) => Promise.reject(new Error(`the Graph emulator exited (code ${String(code)}) during start-up; is port ${options.port} free? (EMULATOR_PORT)`))),
    ]);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { process: child, baseUrl, certPath, ca: readFileSync(certPath, 'utf8') };
}

async function waitUntilServing(baseUrl: string, certPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // The certificate may be (re)generated at start, so read it afresh on every attempt.
  while (Date.now() < deadline) {
    if (existsSync(certPath)) {
      try {
        await waitForHttps(`${baseUrl}/_emulator/ground-truth`, readFileSync(certPath, 'utf8'), Math.min(2_000, deadline - Date.now()));
        return;
      } catch {
        // not up yet, or still serving with a certificate we have not read
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Graph emulator did not answer at ${baseUrl} within ${timeoutMs / 1000} s`);
}
