// Benchmark of graph/'s version-aware cache: a cold getCall (HTTPS to the in-process emulator,
// every page followed) against a cache hit, for a 1:1 call, a 75-session meeting and a
// 200-participant town hall. Node reads NODE_EXTRA_CA_CERTS only at start-up, so the measuring
// runs in a child process that trusts the emulator's certificate.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ClientSecretCredential } from '@azure/identity';
import { startEmulatorServer } from '../emulator/server.js';
import { ensureCertificate } from '../emulator/tls/certificate.js';
import { createGraphServices, MemoryCallIndex, MemoryCallRecordCache, silentLogger } from '../graph/index.js';
import type { BenchOptions } from './support/registry.js';

export const name = 'graph: cold getCall vs cache hit';

const CHILD_FLAG = '--graph-bench-child';

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-bench-tls-'));
  try {
    const tls = await ensureCertificate(dir);
    const lines = await new Promise<string[]>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, dir, options.quick ? 'quick' : 'full'], { env: { NODE_EXTRA_CA_CERTS: tls.certPath }, execArgv: ['--import', 'tsx'] });
      child.once('message', (message) => resolve(message as string[]));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the measuring process exited with ${code}`))));
    });
    for (const line of lines) log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureInChild(tlsDir: string, quick: boolean): Promise<string[]> {
  const [coldTimes, hitTimes] = quick ? [2, 10] : [20, 200];
  const tls = await ensureCertificate(tlsDir);
  const emulator = await startEmulatorServer({ tls, seed: 42, throttle: false });
  try {
    const credential = new ClientSecretCredential(emulator.tenantId, emulator.clientId, emulator.clientSecret, { authorityHost: emulator.baseUrl, disableInstanceDiscovery: true });
    const servicesWith = (cache: MemoryCallRecordCache) =>
      createGraphServices({
        settings: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl },
        logger: silentLogger,
        now: () => emulator.state.now(),
        cache,
        index: new MemoryCallIndex(),
        credential,
      }).callRecords;
    const records = emulator.tenant!.records as unknown as { id: string; sessions: unknown[]; participants_v2: unknown[] }[];
    const cases = [
      ['1:1 call', records.find((r) => r.sessions.length === 1 && r.participants_v2.length === 2)!],
      ['75-session meeting', records.find((r) => r.sessions.length === 75)!],
      ['200-participant town hall', records.find((r) => r.participants_v2.length === 200)!],
    ] as const;
    await servicesWith(new MemoryCallRecordCache()).getCall(cases[0][1].id); // token and connection warm-up
    const lines: string[] = [];
    for (const [label, record] of cases) {
      const cold = await averageMs(coldTimes, () => servicesWith(new MemoryCallRecordCache()).getCall(record.id));
      emulator.requestLog.clear();
      await servicesWith(new MemoryCallRecordCache()).getCall(record.id);
      const coldGets = emulator.requestLog.all().length;
      const warm = servicesWith(new MemoryCallRecordCache());
      await warm.getCall(record.id);
      emulator.requestLog.clear();
      const hit = await averageMs(hitTimes, () => warm.getCall(record.id));
      const hitGets = emulator.requestLog.all().length;
      lines.push(`getCall ${label}: cold ${cold.toFixed(2)} ms (${coldGets} GETs), cache hit ${hit.toFixed(3)} ms (${hitGets} GETs), ${Math.round(cold / hit)}x`);
    }
    return lines;
  } finally {
    await emulator.close();
  }
}

async function averageMs(times: number, work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < times; i++) await work();
  return (performance.now() - start) / times;
}

if (process.argv[2] === CHILD_FLAG) {
  measureInChild(process.argv[3]!, process.argv[4] === 'quick').then(
    (lines) => process.send!(lines, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
