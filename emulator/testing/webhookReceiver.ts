// A loopback webhook receiver for notification tests: answers Graph's validation handshake
// (or deliberately fails it) and records every notification it is sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  readonly path: string;
  readonly validationToken: string | null;
  readonly contentType: string | undefined;
  readonly body: string;
}

export type Behaviour = (req: IncomingMessage, res: ServerResponse, call: ReceivedCall) => void | Promise<void>;

/** Echoes the validation token as text/plain (what a correct receiver does) and 202s notifications. */
export const goodReceiver: Behaviour = (_req, res, call) => {
  if (call.validationToken !== null) {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(call.validationToken);
    return;
  }
  res.writeHead(202).end();
};

export interface WebhookReceiver {
  readonly url: string;
  readonly calls: ReceivedCall[];
  /** Behaviour per path (e.g. '/good'); unknown paths use goodReceiver. */
  on(path: string, behaviour: Behaviour): void;
  notifications(path: string): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const behaviours = new Map<string, Behaviour>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const call: ReceivedCall = { path: url.pathname, validationToken: url.searchParams.get('validationToken'), contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      void (behaviours.get(url.pathname) ?? goodReceiver)(req, res, call);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    calls,
    on: (path, behaviour) => behaviours.set(path, behaviour),
    notifications: (path) => calls.filter((c) => c.path === path && c.validationToken === null && c.body).flatMap((c) => (JSON.parse(c.body) as { value: Record<string, unknown>[] }).value),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
