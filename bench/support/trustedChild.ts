// Benchmarks that talk HTTPS to the emulator measure in a child process: Node reads
// NODE_EXTRA_CA_CERTS only at start-up, so the child is started trusting the emulator's
// certificate. The child streams its log lines and ends with one result.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificate, type TlsMaterial } from '../../emulator/tls/certificate.js';
import { childEnvironment } from '../../server/config/index.js';

const CHILD_FLAG = '--bench-child';

type Message<T> = { readonly log: string } | { readonly result: T } | { readonly failure: string };

/** Runs `moduleUrl`'s `childWork` (registered with `whenChild`) in a child that trusts the emulator. */
export async function runInTrustingChild<T>(moduleUrl: string, input: unknown, log: (line: string) => void): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-bench-tls-'));
  try {
    const tls = await ensureCertificate(dir);
    return await new Promise<T>((resolve, reject) => {
      const child = fork(fileURLToPath(moduleUrl), [CHILD_FLAG, dir, JSON.stringify(input)], {
        env: childEnvironment({ NODE_EXTRA_CA_CERTS: tls.certPath }),
        execArgv: ['--import', 'tsx', '--expose-gc'],
      });
      let settled = false;
      child.on('message', (raw) => {
        const message = raw as Message<T>;
        if ('log' in message) log(message.log);
        else if ('result' in message) {
          settled = true;
          resolve(message.result);
        } else {
          settled = true;
          reject(new Error(message.failure));
        }
      });
      child.once('error', reject);
      child.once('exit', (code) => {
        if (!settled) reject(new Error(`the measuring process exited with ${code} before it reported`));
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a benchmark module: when this process is its measuring child, run `work` and report. */
export function whenChild<I, T>(work: (tls: TlsMaterial, input: I, log: (line: string) => void) => Promise<T>): void {
  if (process.argv[2] !== CHILD_FLAG) return;
  const send = (message: Message<T>) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  void (async () => {
    try {
      const tls = await ensureCertificate(process.argv[3]!);
      const result = await work(tls, JSON.parse(process.argv[4]!) as I, (line) => void send({ log: line }));
      await send({ result });
      process.exit(0);
    } catch (error) {
      await send({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    }
  })();
}
