import { once } from 'node:events';
import type { Server } from 'node:http';
import type { Express } from 'express';

export interface RunningServer {
  readonly port: number;
  /** The address the socket is bound to, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface). */
  readonly address: string;
  /** e.g. http://127.0.0.1:3978 */
  readonly url: string;
  close(): Promise<void>;
}

/** How long close() lets in-flight requests (a bot turn waiting on Graph) finish before cutting them. */
const DRAIN_MS = 5_000;

/** Listens (port 0 picks a free one) and resolves once the socket is bound. Loopback unless told otherwise. */
export async function listen(app: Express, port: number, host = '127.0.0.1', drainMs = DRAIN_MS): Promise<RunningServer> {
  const server: Server = app.listen(port, host);
  // events.once rejects if 'error' (e.g. EADDRINUSE) comes first.
  await once(server, 'listening');
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    port: boundPort,
    address: typeof address === 'object' && address !== null ? address.address : host,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${boundPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        const cut = setTimeout(() => server.closeAllConnections(), drainMs);
        server.close((error) => {
          clearTimeout(cut);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
