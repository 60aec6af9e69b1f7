// Vitest global setup: install Debian chromium before any test starts when it is missing, so a
// fresh machine's `npm ci && npm test` passes and the install is not cut short by a hook timeout.
import { ensureChromium } from './chromium.js';

export default function setup(): void {
  ensureChromium((line) => process.stdout.write(`[chromium] ${line}\n`));
}
