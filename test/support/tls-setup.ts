// vitest globalSetup (node project): one self-signed certificate for the Graph emulator per run,
// trusted by every forked test worker. It runs before the workers start, and NODE_EXTRA_CA_CERTS
// is read only at process start, so setting it here is what makes Node's fetch, @azure/identity
// and the Graph SDK in the workers accept https://localhost:<port>.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureCertificate } from '../../emulator/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding emulator-cert.pem and emulator-key.pem for startEmulator(). */
    emulatorTlsDir: string;
  }
}

/** Also set for child processes a test spawns (e.g. `npm run emulator -- --tls-dir $EMULATOR_TLS_DIR`). */
export const TLS_DIR_VARIABLE = 'EMULATOR_TLS_DIR';

export default async function setup(project: TestProject): Promise<() => void> {
  // A fresh folder per run: concurrent runs never read a key that belongs to another run's cert.
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-emulator-tls-'));
  const tls = await ensureCertificate(dir);
  // Test tooling, like vitest.config.ts: the one place tests set the environment for workers.
  // eslint-disable-next-line no-restricted-properties
  const env = process.env;
  // Keep any CA the developer already trusts (a corporate proxy, say) alongside the emulator's.
  const existing = env.NODE_EXTRA_CA_CERTS;
  if (existing && existsSync(existing)) {
    const bundle = join(dir, 'ca-bundle.pem');
    writeFileSync(bundle, `${readFileSync(existing, 'utf8').trimEnd()}\n${tls.cert}`);
    env.NODE_EXTRA_CA_CERTS = bundle;
  } else {
    env.NODE_EXTRA_CA_CERTS = tls.certPath;
  }
  env[TLS_DIR_VARIABLE] = dir;
  project.provide('emulatorTlsDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
