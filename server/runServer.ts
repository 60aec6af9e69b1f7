// Runs the composed server until SIGINT/SIGTERM, then shuts down in order. Used by production
// (main.ts) and by demo mode's server process (demo/serverChild.ts).
import type { AppConfig } from './config/index.js';
import { composeServer, type ComposeOptions, type ComposedServer } from './compose.js';
import type { RunningServer } from './http/index.js';

export interface StartedServer {
  readonly server: ComposedServer;
  readonly running: RunningServer;
  /** Resolves once shutdown (by signal or `stop`) has finished. */
  readonly stopped: Promise<void>;
  stop(reason: string): Promise<void>;
}

export async function runServer(config: AppConfig, options: ComposeOptions = {}): Promise<StartedServer> {
  const server = composeServer(config, options);
  const { logger } = server;
  const running = await server.listen().catch(async (error: NodeJS.ErrnoException) => {
    await server.close();
    if (error.code === 'EADDRINUSE') throw new Error(`port ${config.port} is already in use; set PORT or pass --port`, { cause: error });
    throw error;
  });
  logger.info({ port: running.port, address: running.address, mode: config.mode }, 'Call Doctor is listening');

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down');
      // Process-wide listeners belong to this server only while it runs: a test or a restart that
      // runs another server must not inherit them (nor the logger they hold).
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('unhandledRejection', onUnhandledRejection);
      await server.close();
      resolveStopped();
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => void stop(signal);
  // A stray rejection is logged, never allowed to take the bot down mid-conversation.
  const onUnhandledRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('unhandledRejection', onUnhandledRejection);
  return { server, running, stopped, stop };
}
