// graph/ wired to an in-process emulator the way server/ wires it to Graph: settings only
// (the real ClientSecretCredential gets its token from the emulator's identity endpoint).
import { createGraphServices, MemoryCallIndex, MemoryCallRecordCache, type GraphServicesOptions } from '../../graph/index.js';
import { recordingLogger } from '../../graph/testing/index.js';
import type { EmulatorHandle } from './emulator.js';

export function graphOverEmulator(emulator: EmulatorHandle, overrides: Partial<Pick<GraphServicesOptions, 'budget' | 'tuning' | 'now' | 'ledger'>> & { readonly combinedQueries?: boolean } = {}) {
  const cache = new MemoryCallRecordCache();
  const index = new MemoryCallIndex();
  const logger = recordingLogger();
  const services = createGraphServices({
    settings: {
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      auth: { kind: 'secret', clientSecret: emulator.clientSecret },
      baseUrl: emulator.baseUrl,
      authorityHost: emulator.baseUrl,
      ...(overrides.combinedQueries !== undefined && { combinedQueries: overrides.combinedQueries }),
    },
    logger,
    now: overrides.now ?? (() => emulator.now()),
    cache,
    index,
    ...(overrides.budget && { budget: overrides.budget }),
    ...(overrides.tuning && { tuning: overrides.tuning }),
    ...(overrides.ledger && { ledger: overrides.ledger }),
  });
  return { ...services, cache, index, logger };
}

/** The emulator's log of Graph requests whose path contains `text`, once no request is still in flight. */
export async function graphRequests(emulator: EmulatorHandle, text = '') {
  await emulator.settle();
  return emulator.requests().filter((r) => r.path.includes(text));
}

/** Clears the emulator's request log once no request is still in flight. */
export async function clearRequestsSettled(emulator: EmulatorHandle): Promise<void> {
  await emulator.settle();
  emulator.clearRequests();
}
