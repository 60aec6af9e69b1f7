import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from './config/index.js';
import { createLogger } from './logging/index.js';
import { runServer } from './runServer.js';

const PROCESS_EVENTS = ['unhandledRejection', 'SIGINT', 'SIGTERM'] as const;
const listenerCounts = () => PROCESS_EVENTS.map((event) => process.listenerCount(event));

describe('runServer', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  function setup() {
    const dir = mkdtempSync(join(tmpdir(), 'call-doctor-run-'));
    dirs.push(dir);
    // Port 0: a free port, so parallel test files never collide.
    const config: AppConfig = { ...loadConfig({ SQLITE_PATH: join(dir, 'store.sqlite') }, []), port: 0 };
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    return { config, lines, logger: createLogger({ level: 'info', destination }) };
  }

  it('when a server is run and stopped twice, then the process listeners it added are gone each time', async () => {
    const { config, logger } = setup();
    const before = listenerCounts();
    for (let round = 0; round < 2; round++) {
      const started = await runServer(config, { logger, typingIndicator: false });
      expect(listenerCounts()).toEqual(before.map((count) => count + 1));
      await started.stop('test');
      expect(listenerCounts()).toEqual(before);
    }
  });

  it('when a promise rejection goes unhandled while it runs, then its own logger records it', async () => {
    const { config, logger, lines } = setup();
    const others = new Set(process.listeners('unhandledRejection'));
    const started = await runServer(config, { logger, typingIndicator: false });
    try {
      const added = process.listeners('unhandledRejection').filter((listener) => !others.has(listener));
      expect(added).toHaveLength(1);
      // Called directly: emitting the event would also reach vitest's own handler and fail the run.
      added[0]!(new Error('stray failure'), Promise.resolve());
      expect(lines.find((l) => l.msg === 'unhandled promise rejection')).toBeDefined();
    } finally {
      await started.stop('test');
    }
  });
});
