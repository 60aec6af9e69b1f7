// Test support: Azurite (pinned 3.35.0, the last release for Node 20) as a child process on free
// loopback ports, in memory, with Azure Storage's well-known development account. Tables and
// queues share one process, as one Storage account does, so two server instances pointed at the
// same connection string share state and work.
//
//   const azurite = await startAzurite();
//   createAzureStore({ connectionString: azurite.connectionString, ... });
//   afterAll(() => azurite.stop());
import { childEnvironment } from '../../server/config/index.js';
import { startProcess } from '../../server/demo/managedProcess.js';
import { freePort } from './ports.js';

const repoRoot = new URL('../..', import.meta.url).pathname;
// Azurite's well-known development account key (public, documented; not a secret).
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  /** Table and queue endpoints of the development account on loopback (no blob endpoint: nothing uses it). */
  readonly connectionString: string;
  readonly tablePort: number;
  readonly queuePort: number;
  stop(): Promise<void>;
}

/** Starts Azurite's table and queue services; resolves once both listen. */
export async function startAzurite(): Promise<RunningAzurite> {
  const [blobPort, queuePort, tablePort] = [await freePort(), await freePort(), await freePort()];
  const azurite = startProcess({
    name: 'Azurite',
    command: `${repoRoot}node_modules/.bin/azurite`,
    // --skipApiVersionCheck: @azure/storage-queue 12.30 speaks a newer API version than Azurite 3.35 knows.
    // The blob service starts too (the combined CLI always runs it) but on a free port, so it collides with nothing.
    args: [
      '--inMemoryPersistence',
      '--silent',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      // Tests hold a few hundred small entities; Azurite's default reserves half the machine's memory.
      '--extentMemoryLimit', '256',
      '--blobHost', '127.0.0.1', '--blobPort', String(blobPort),
      '--queueHost', '127.0.0.1', '--queuePort', String(queuePort),
      '--tableHost', '127.0.0.1', '--tablePort', String(tablePort),
    ],
    cwd: repoRoot,
    env: childEnvironment({}),
  });
  try {
    await Promise.all([azurite.waitForLine(/Queue service is successfully listening/, 30_000), azurite.waitForLine(/Table service is successfully listening/, 30_000)]);
  } catch (error) {
    await azurite.stop();
    throw error;
  }
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_ACCOUNT_KEY};` +
    `QueueEndpoint=http://127.0.0.1:${queuePort}/${DEV_ACCOUNT};TableEndpoint=http://127.0.0.1:${tablePort}/${DEV_ACCOUNT};`;
  return { connectionString, tablePort, queuePort, stop: () => azurite.stop() };
}
