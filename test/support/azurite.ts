// Test support: Azurite's table service (pinned in package.json, in-memory) on a free loopback
// port, as server/store/azure/createAzureStore.test.ts starts it, for tests and the benchmark.
import { childEnvironment } from '../../server/config/index.js';
import { startProcess } from '../../server/demo/managedProcess.js';
import { freePort } from './ports.js';

const repoRoot = new URL('../..', import.meta.url).pathname;
// Azurite's well-known development account key (public, documented; not a secret).
const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteTables {
  readonly connectionString: string;
  stop(): Promise<void>;
}

export async function startAzuriteTables(): Promise<AzuriteTables> {
  const port = await freePort();
  const azurite = startProcess({
    name: 'Azurite',
    command: `${repoRoot}node_modules/.bin/azurite-table`,
    args: ['--inMemoryPersistence', '--tableHost', '127.0.0.1', '--tablePort', String(port), '--skipApiVersionCheck', '--disableTelemetry'],
    cwd: repoRoot,
    env: childEnvironment({}),
  });
  await azurite.waitForLine(/successfully started/, 30_000);
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    stop: () => azurite.stop(),
  };
}
