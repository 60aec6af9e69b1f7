// The real composed server (bot, tab API, graph/, SQLite) against an emulator, for benchmarks:
// loopback, an ephemeral port, a store in a temp folder and a logger that keeps only warnings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { RunningEmulator } from '../../emulator/index.js';
import { composeServer, type ComposedServer } from '../../server/compose.js';
import { loadConfig, type AppConfig, type Env } from '../../server/config/index.js';
import type { RunningServer } from '../../server/http/index.js';
import { createLogger } from '../../server/logging/index.js';

export interface BenchServer {
  readonly server: ComposedServer;
  readonly running: RunningServer;
  readonly dir: string;
  readonly warnings: () => number;
  close(): Promise<void>;
}

export async function startBenchServer(emulator: RunningEmulator, env: Env = {}, options: { port?: number; alerts?: boolean } = {}): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-bench-'));
  const base = loadConfig({ SQLITE_PATH: join(dir, 'store.sqlite'), LOG_LEVEL: 'warn', ...env }, []);
  const config: AppConfig = {
    ...base,
    graph: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl },
  };
  let warnings = 0;
  const destination = new Writable({
    write(_chunk, _encoding, done) {
      warnings++;
      done();
    },
  });
  const server = composeServer(config, { logger: createLogger({ level: 'warn', destination }), typingIndicator: false, now: () => emulator.now(), alerts: options.alerts ?? false });
  const running = await server.listen(options.port ?? 0, '127.0.0.1');
  return {
    server,
    running,
    dir,
    warnings: () => warnings,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A message activity from a tenant user in their personal chat, as Teams would post it. */
export function personalMessage(options: { userId: string; tenantId: string; serviceUrl: string; text: string; id: string; now: Date }): Record<string, unknown> {
  return {
    type: 'message',
    id: options.id,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: options.now.toISOString(),
    from: { id: `29:${options.userId}`, name: 'Bench user', aadObjectId: options.userId },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${options.userId}`, conversationType: 'personal', tenantId: options.tenantId },
    channelData: { tenant: { id: options.tenantId } },
    locale: 'en-US',
    textFormat: 'plain',
    text: options.text,
    deliveryMode: 'expectReplies',
  };
}
