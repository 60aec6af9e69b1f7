import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../graph/index.js';
import { ConfigError, loadConfig } from './config/index.js';
import { composeServer } from './compose.js';
import type { SqliteStore } from './store/index.js';

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** An address of this machine that other machines on the network could use, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('composeServer', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'call-doctor-compose-'));
    dirs.push(dir);
    return join(dir, 'store.sqlite');
  };

  it('when CQD_THRESHOLDS has an unknown key, then composing fails naming it and opens no store', () => {
    const path = tempPath();
    const config = loadConfig({ SQLITE_PATH: path, CQD_THRESHOLDS: '{"audio.jiter":40}' }, []);
    expect(() => composeServer(config, { logger: silentLogger })).toThrow(ConfigError);
    expect(() => composeServer(config, { logger: silentLogger })).toThrow(/CQD_THRESHOLDS.*audio\.jiter/);
    expect(existsSync(path)).toBe(false);
  });

  it('when STORE=azure, then the ports are Azure Tables and nothing is written locally', () => {
    const sqlitePath = tempPath();
    const config = loadConfig({ STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', SQLITE_PATH: sqlitePath }, []);
    const server = composeServer(config, { logger: silentLogger, typingIndicator: false });
    expect(server.store.kind).toBe('azure');
    expect(existsSync(sqlitePath)).toBe(false);
  });

  it('when Azure OpenAI is configured without a key, then the planner is wired with the app identity instead of failing start-up', () => {
    const config = loadConfig({ SQLITE_PATH: tempPath(), AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o' }, []);
    let server: ReturnType<typeof composeServer> | undefined;
    expect(() => (server = composeServer(config, { logger: silentLogger, typingIndicator: false }))).not.toThrow();
    server?.store.close();
  });

  it('when composed and listening, then /healthz reports the mode and close releases the port and the store', async () => {
    const config = loadConfig({ SQLITE_PATH: tempPath() }, []);
    const server = composeServer(config, { logger: silentLogger, typingIndicator: false });
    const running = await server.listen(0, '127.0.0.1');
    const health = (await (await fetch(`${running.url}/healthz`)).json()) as { mode: string; version: string };
    expect(health.mode).toBe('demo');
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    await server.close();
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    expect((server.store as SqliteStore).db.open).toBe(false);
  });

  describe('where it listens', () => {
    it('when the bot is anonymous (no BOT_ID), then by default it listens on loopback only and is not reachable from the network', async () => {
      const server = composeServer(loadConfig({ SQLITE_PATH: tempPath() }, []), { logger: silentLogger, typingIndicator: false });
      try {
        const running = await server.listen(0);
        expect(running.address).toBe('127.0.0.1');
        expect(await accepts('127.0.0.1', running.port)).toBe(true);
        if (lanAddress) expect(await accepts(lanAddress, running.port)).toBe(false);
      } finally {
        await server.close();
      }
    });

    it('when the bot is anonymous and asked to listen on every interface, then it refuses naming BOT_ID', async () => {
      const server = composeServer(loadConfig({ SQLITE_PATH: tempPath() }, []), { logger: silentLogger, typingIndicator: false });
      try {
        await expect(server.listen(0, '0.0.0.0')).rejects.toThrow(/BOT_ID/);
      } finally {
        await server.close();
      }
    });

    it('when BOT_ID is set (Bot Connector tokens checked), then it listens on every interface so Azure Bot can reach it', async () => {
      const config = loadConfig({ SQLITE_PATH: tempPath(), BOT_ID: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', BOT_PASSWORD: 'not-a-real-secret' }, []);
      const server = composeServer(config, { logger: silentLogger, typingIndicator: false });
      try {
        const running = await server.listen(0);
        expect(running.address).toBe('0.0.0.0');
        if (lanAddress) expect(await accepts(lanAddress, running.port)).toBe(true);
      } finally {
        await server.close();
      }
    });
  });
});
