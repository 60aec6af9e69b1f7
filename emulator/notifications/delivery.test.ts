import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Deliverer, GRAPH_TIMING } from './delivery.js';

const servers: Server[] = [];
async function receiver(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
}
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** One attempt, no retries, so each test sees exactly the outcome of a single delivery. */
function deliverer(logged: string[] = []): Deliverer {
  return new Deliverer({ ...GRAPH_TIMING, deliveryTimeoutMs: 300, redeliveryDelaysMs: [] }, (m) => logged.push(m));
}

describe('Deliverer', () => {
  it('when nothing listens at the notification URL, then the attempt records the refused connection and the drop is logged with it', async () => {
    const url = await receiver(() => undefined);
    const closed = servers.pop()!;
    await new Promise((resolve) => closed.close(resolve));
    const logged: string[] = [];
    const d = deliverer(logged);
    d.send(url, 'change', [{ id: 'n1' }]);
    await d.settle();
    expect(d.history()).toEqual([expect.objectContaining({ status: 0, delivered: false, failure: 'TypeError (ECONNREFUSED)' })]);
    expect(logged.join('\n')).toContain('ECONNREFUSED');
    expect(logged.join('\n')).not.toContain('127.0.0.1');
  });

  it('when the receiver does not answer within the delivery timeout, then the attempt records a TimeoutError', async () => {
    const d = deliverer();
    d.send(await receiver(() => undefined), 'change', [{ id: 'n1' }]);
    await d.settle();
    expect(d.history()).toEqual([expect.objectContaining({ status: 0, delivered: false, failure: 'TimeoutError' })]);
  });

  it('when the receiver answers 503, then the attempt carries that status and no failure', async () => {
    const d = deliverer();
    d.send(await receiver((_req, res) => void res.writeHead(503).end()), 'change', [{ id: 'n1' }]);
    await d.settle();
    expect(d.history()).toEqual([expect.objectContaining({ status: 503, delivered: false })]);
    expect(d.history()[0]!.failure).toBeUndefined();
  });

  it('when the receiver says 202 but breaks off before its body is complete, then the attempt is not delivered and says the body failed', async () => {
    const d = deliverer();
    const url = await receiver((_req, res) => {
      res.writeHead(202, { 'content-length': '100' });
      res.write('partial', () => res.destroy());
    });
    d.send(url, 'change', [{ id: 'n1' }]);
    await d.settle();
    expect(d.history()).toEqual([expect.objectContaining({ status: 202, delivered: false, failure: expect.stringMatching(/^body: /) })]);
  });

  it('when a delivery is queued behind the notification latency, then settle() waits for its attempt', async () => {
    const d = deliverer();
    d.queue(50, await receiver((_req, res) => void res.writeHead(202).end()), 'change', [{ id: 'n1' }]);
    expect(d.pending).toBe(1);
    await d.settle();
    expect(d.history()).toEqual([expect.objectContaining({ status: 202, delivered: true })]);
  });
});
