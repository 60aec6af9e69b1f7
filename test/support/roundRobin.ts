// Test support: a loopback load balancer that hands each request to the next backend in turn,
// as App Service's front end spreads requests over instances. Several server instances then
// share one public URL, and Graph's notifications reach all of them.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  readonly url: string;
  readonly port: number;
  /** Points the balancer at these backends (base URLs like http://127.0.0.1:1234); with none reachable it answers 503. */
  setBackends(baseUrls: readonly string[]): void;
  /** How many requests each backend answered, by base URL. */
  readonly served: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startRoundRobin(port = 0): Promise<RoundRobin> {
  let backends: readonly string[] = [];
  let next = 0;
  const served = new Map<string, number>();

  /** Sends the buffered request to one backend; rejects when it cannot be reached at all. */
  const send = (backend: string, incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse) =>
    new Promise<void>((resolve, reject) => {
      const upstream = request(new URL(incoming.url ?? '/', backend), { method: incoming.method, headers: incoming.headers }, (response) => {
        served.set(backend, (served.get(backend) ?? 0) + 1);
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
        response.on('end', resolve);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });

  // Like a front end with health checks, a backend that refuses the connection (not started yet,
  // or killed) is skipped and the next one tried, so no request is lost to it.
  const forward = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tried = 0; tried < backends.length; tried++) {
      const backend = backends[next++ % backends.length]!;
      try {
        await send(backend, incoming, body, outgoing);
        return;
      } catch {
        if (outgoing.headersSent) return void outgoing.end();
      }
    }
    outgoing.writeHead(503).end();
  };
  const server = createServer((incoming, outgoing) => void forward(incoming, outgoing));
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
