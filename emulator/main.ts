// `npm run emulator -- --port 4443 [--records DIR] [--seed N] [--live SECONDS] [--no-throttle]
//  [--tenant TENANT_ID] [--app CLIENT_ID:SECRET] [--tls-dir DIR] [--now ISO] [--dump DIR]`
// Runs in the foreground until SIGINT or SIGTERM.
import { resolve } from 'node:path';
import { parseCliOptions, UsageError, USAGE } from './commandLine/options.js';
import { dumpTenant } from './data/dump.js';
import { generateTenant } from './data/generate.js';
import { liveCalls } from './data/live.js';
import { startEmulatorServer } from './server.js';
import { ensureCertificate } from './tls/certificate.js';

const BANNER = [
  '==========================================================================',
  '  MICROSOFT GRAPH EMULATOR - offline test double for Call Doctor.',
  '  NOT FOR PRODUCTION: fake tokens, fake data, unauthenticated admin routes.',
  '==========================================================================',
].join('\n');

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`emulator: ${error.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return error.message ? 2 : 0;
    }
    throw error;
  }
  const log = (message: string): void => void process.stderr.write(`[emulator] ${message}\n`);

  if (options.dumpDir) {
    const tenant = generateTenant({ seed: options.seed, now: options.now ?? new Date(), tenantId: options.tenantId });
    const count = dumpTenant(tenant, options.dumpDir);
    process.stdout.write(`Wrote ${count} call records, ground-truth.json, users.json and reports.json to ${resolve(options.dumpDir)}\n`);
    return 0;
  }
  if (options.liveSeconds !== undefined && options.recordsDir) {
    process.stderr.write('emulator: --live adds generated calls and needs a generated tenant; it cannot be combined with --records.\n');
    return 2;
  }

  const tls = await ensureCertificate(resolve(options.tlsDir));
  const emulator = await startEmulatorServer({
    tls,
    port: options.port,
    tenantId: options.tenantId,
    app: options.app,
    seed: options.seed,
    now: options.now,
    recordsDir: options.recordsDir,
    throttle: options.throttle,
    strict: options.strict,
    ...(options.notificationDelay && { notificationTiming: { notificationLatencyMs: options.notificationDelay.minMs, notificationLatencyMaxMs: options.notificationDelay.maxMs } }),
    log,
  });

  if (options.faults.length > 0) emulator.faults.inject(options.faults);

  process.stdout.write(`${BANNER}\n`);
  process.stdout.write(`Graph emulator listening on ${emulator.baseUrl}\n`);
  process.stdout.write(`  Graph:      ${emulator.baseUrl}/v1.0  and  ${emulator.baseUrl}/beta\n`);
  process.stdout.write(`  Authority:  ${emulator.baseUrl} (tenant ${emulator.tenantId}; token endpoint ${emulator.baseUrl}/${emulator.tenantId}/oauth2/v2.0/token)\n`);
  process.stdout.write(`  App:        client id ${emulator.clientId}${options.app ? ' (secret as given with --app)' : ' (default secret: see emulator/README.md)'}\n`);
  process.stdout.write(`  Data:       ${options.recordsDir ? `records from ${resolve(options.recordsDir)}` : `generated tenant, seed ${options.seed}, ${emulator.tenant?.records.length ?? 0} call records, demo user ${emulator.tenant?.demoUserId}`}\n`);
  process.stdout.write(`  Queries:    ${options.strict ? 'strict (undocumented forms answer 400)' : 'lenient (undocumented combinations served)'}\n`);
  process.stdout.write(`  Throttling: ${options.throttle ? 'on (Graph limits)' : 'off'}${options.liveSeconds ? `; a new call every ${options.liveSeconds} s` : ''}${options.faults.length ? `; ${options.faults.length} standing fault(s)` : ''}\n`);
  process.stdout.write(`  Trust the certificate: NODE_EXTRA_CA_CERTS=${tls.certPath}\n`);

  let timer: NodeJS.Timeout | undefined;
  if (options.liveSeconds && emulator.tenant) {
    const source = liveCalls(options.seed, emulator.tenantId, emulator.tenant.users, emulator.tenant.demoUserId);
    timer = setInterval(() => {
      const { record, revise } = source.next(emulator.state.now());
      const change = emulator.state.records.upsert(record);
      log(`live: ${revise ? 'revised' : 'added'} call record ${change.id} (version ${change.version})`);
    }, options.liveSeconds * 1000);
  }

  await new Promise<void>((done) => {
    const stop = (signal: string): void => {
      log(`${signal}: stopping`);
      if (timer) clearInterval(timer);
      void emulator.close().then(done);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
