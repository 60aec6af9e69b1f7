// Test support: a loopback load balancer that hands each request to the next backend in turn,
// as App Service's front end spreads requests over instances. Several server instances then
// share one public URL, and Graph's notifications reach all of them.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  readonly url: string;
  readonly port: number;
  /** Points the balancer at these backends (base URLs like http://127.0.0.1:1234); until set it answers 503. */
  setBackends(baseUrls: readonly string[]): void;
  /** How many requests each backend was given, by base URL. */
  readonly served: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startRoundRobin(port = 0): Promise<RoundRobin> {
  let backends: readonly string[] = [];
  let next = 0;
  const served = new Map<string, number>();
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (backends.length === 0) {
      outgoing.writeHead(503).end();
      return;
    }
    const backend = backends[next++ % backends.length]!;
    served.set(backend, (served.get(backend) ?? 0) + 1);
    const target = new URL(incoming.url ?? '/', backend);
    const upstream = request(target, { method: incoming.method, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  };
  const server = createServer(forward);
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    served,
    setBackends(baseUrls) {
      backends = [...baseUrls];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
