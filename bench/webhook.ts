// Graph's webhook deadline: 2,000 change notifications posted as Graph posts them (batches of
// up to 100, several at once) to POST /api/notifications of the real server; each answer (202,
// once the batch is durably queued in SQLite) is timed. Graph gives a webhook 3 s.
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { startEmulatorServer } from '../emulator/index.js';
import { startBenchServer } from './support/benchServer.js';
import { percentile, type BenchOptions, type Figures } from './support/registry.js';
import { runInTrustingChild, whenChild } from './support/trustedChild.js';

export const name = 'webhook: 2,000 change notifications in batches, the time to each 202';
export const key = 'webhook';

interface Input {
  readonly notifications: number;
  readonly batchSize: number;
  readonly concurrency: number;
}

const CLIENT_STATE = 'bench-client-state';

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<Figures> {
  const input: Input = options.quick ? { notifications: 200, batchSize: 20, concurrency: 4 } : { notifications: 2_000, batchSize: 100, concurrency: 8 };
  return runInTrustingChild<Figures>(import.meta.url, input, log);
}

async function measure(tls: Parameters<Parameters<typeof whenChild>[0]>[0], input: Input, log: (line: string) => void): Promise<Figures> {
  const emulator = await startEmulatorServer({ tls, seed: 42, throttle: true });
  // The worker stays off: this measures the answer Graph waits for, not the processing after it.
  const sut = await startBenchServer(emulator, { ALERTS_CLIENT_STATE: CLIENT_STATE, PUBLIC_URL: 'https://calldoctor.bench.invalid' });
  try {
    const subscriptionId = randomUUID();
    const batches: object[][] = [];
    for (let i = 0; i < input.notifications; i += input.batchSize) {
      batches.push(
        Array.from({ length: Math.min(input.batchSize, input.notifications - i) }, () => {
          const id = randomUUID();
          return {
            subscriptionId,
            clientState: CLIENT_STATE,
            changeType: 'created',
            resource: `communications/callRecords/${id}`,
            resourceData: { '@odata.type': '#microsoft.graph.callrecord', '@odata.id': `communications/callRecords/${id}`, id },
            tenantId: emulator.tenantId,
            subscriptionExpirationDateTime: new Date(emulator.now().getTime() + 3_600_000).toISOString(),
          };
        }),
      );
    }
    const acks: number[] = [];
    let refused = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: input.concurrency }, async () => {
        while (next < batches.length) {
          const batch = batches[next++]!;
          const t0 = performance.now();
          const response = await fetch(`${sut.running.url}/api/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: batch }) });
          await response.arrayBuffer();
          acks.push(performance.now() - t0);
          if (response.status !== 202) refused++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const queued = (await sut.server.store.alerts?.queue.receive(input.notifications + 10, 60_000))?.length ?? 0;
    const figures: Figures = {
      notifications: input.notifications,
      batches: batches.length,
      p50AckMs: percentile(acks, 0.5),
      p99AckMs: percentile(acks, 0.99),
      maxAckMs: Math.max(...acks),
      refused,
      queued,
      notificationsPerSecond: input.notifications / seconds,
    };
    log(
      `${input.notifications} notifications in ${batches.length} batches of ${input.batchSize}, ${input.concurrency} at once: 202 after p50 ${figures.p50AckMs!.toFixed(0)} ms, p99 ${figures.p99AckMs!.toFixed(0)} ms, ` +
        `max ${figures.maxAckMs!.toFixed(0)} ms (Graph allows 3,000); ${queued} queued, ${refused} refused`,
    );
    return figures;
  } finally {
    await sut.close();
    await emulator.close();
  }
}

whenChild<Input, Figures>(measure);
