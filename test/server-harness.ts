// Test harness for the composed server against the in-process Graph emulator: the real graph
// module, real diagnosis, a SQLite store in a temp dir, and a recording logger whose lines the
// tests can search for leaks. Shared by the integration and end-to-end tests of server/.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig, type Env } from '../server/config/index.js';
import { composeServer, type ComposedServer } from '../server/compose.js';
import type { RunningServer } from '../server/http/index.js';
import { createLogger } from '../server/logging/index.js';
import type { EmulatorHandle } from './support/emulator.js';

export interface ServerUnderTest {
  readonly server: ComposedServer;
  readonly running: RunningServer;
  readonly config: AppConfig;
  /** Every log line written so far, as text. */
  logText(): string;
  close(): Promise<void>;
}

/** Composes the real server (config from `env`, Graph pointed at the emulator) on an ephemeral loopback port. */
export async function startServerAgainst(emulator: EmulatorHandle, env: Env = {}, options: { now?: () => Date; alerts?: boolean; port?: number } = {}): Promise<ServerUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-server-'));
  const base = loadConfig({ SQLITE_PATH: join(dir, 'store.sqlite'), LOG_LEVEL: 'debug', ...env }, []);
  const config: AppConfig = {
    ...base,
    graph: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl },
  };
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const server = composeServer(config, { logger: createLogger({ level: 'debug', destination }), typingIndicator: false, alerts: options.alerts ?? false, now: options.now ?? (() => emulator.now()) });
  const running = await server.listen(options.port ?? 0, '127.0.0.1');
  return {
    server,
    running,
    config,
    logText: () => lines.join(''),
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RecordedActivity {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly activity: Record<string, unknown>;
}

/** A loopback Bot Connector: records POST /v3/conversations/{id}/activities[/{replyToId}] and answers an id. */
export interface LoopbackConnector {
  readonly serviceUrl: string;
  readonly received: RecordedActivity[];
  /** Resolves once `count` activities have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<RecordedActivity[]>;
  close(): Promise<void>;
}

export async function startLoopbackConnector(): Promise<LoopbackConnector> {
  const received: RecordedActivity[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path.split('?')[0]!)) {
        received.push({ path, authorization: req.headers.authorization, activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        waiters.splice(0).forEach((w) => w());
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${received.length}` }));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`the connector received ${received.length} activities, expected ${count}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Json = Record<string, unknown>;

/** Entra object ids of a record's participants (participants_v2), read without the product's code. */
export function participantIds(record: Json): string[] {
  const participants = (record.participants_v2 as Json[] | undefined) ?? [];
  return participants.map((p) => String(((p.identity as Json | undefined)?.user as Json | undefined)?.id ?? p.id));
}

/** The user's newest call in the emulator's generated tenant. */
export function newestCallIn(emulator: EmulatorHandle, userId: string): Json {
  const now = emulator.now().getTime();
  const mine = emulator.tenant!.records.filter((r) => participantIds(r).includes(userId) && Date.parse(String(r.startDateTime)) <= now);
  mine.sort((a, b) => Date.parse(String(b.startDateTime)) - Date.parse(String(a.startDateTime)));
  if (mine.length === 0) throw new Error(`user ${userId} has no calls in the generated tenant`);
  return mine[0]!;
}
