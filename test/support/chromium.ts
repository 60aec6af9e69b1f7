// Headless Debian chromium for the browser end-to-end tests, through playwright-core (never a
// browser download). A fresh machine has no chromium: ensureChromium installs the Debian package
// with apt-get (refreshing the package lists first when the install fails), so `npm test` passes
// there too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { childEnvironment } from '../../server/config/index.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Quiet, offline, reproducible: no GPU, no QUIC, no first-run UI, no background updates or sync. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Debian's chromium when /usr/bin/chromium is missing (tests run as root in CI). */
export function ensureChromium(log: (line: string) => void = () => {}): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const env = childEnvironment({ DEBIAN_FRONTEND: 'noninteractive' });
  const install = () => execFileSync('apt-get', ['install', '-y', 'chromium'], { env, stdio: 'pipe', timeout: 600_000 });
  log(`${CHROMIUM_PATH} is missing: installing Debian's chromium with apt-get`);
  try {
    install();
  } catch {
    log('apt-get install failed; running apt-get update and trying again');
    execFileSync('apt-get', ['update'], { env, stdio: 'pipe', timeout: 600_000 });
    install();
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context in a fresh, throw-away profile directory. */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedChromium> {
  const executablePath = ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), 'call-doctor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
