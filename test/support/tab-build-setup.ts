// Vitest global setup: build the tab once, before any test file starts a server that would build
// it, so parallel demo-mode tests on a clean checkout do not all run vite at the same moment.
import { ensureTabBuilt } from '../../server/http/tabBuild.js';
import { repoRoot } from './reference.js';

export default async function setup(): Promise<void> {
  await ensureTabBuilt(repoRoot, (line) => process.stdout.write(`[tab] ${line}\n`));
}
