// Command-line options of `npm run emulator -- ...`, validated with a clear message per mistake.
import { parseArgs } from 'node:util';
import type { FaultSpec } from '../http/faults.js';

export interface CliOptions {
  readonly port: number;
  readonly recordsDir: string | undefined;
  readonly seed: number;
  readonly liveSeconds: number | undefined;
  readonly throttle: boolean;
  /** Refuse the query forms Graph does not document (combined $expand, participant filter with startDateTime). */
  readonly strict: boolean;
  readonly tenantId: string | undefined;
  readonly app: { readonly clientId: string; readonly clientSecret: string } | undefined;
  readonly tlsDir: string;
  readonly now: Date | undefined;
  readonly dumpDir: string | undefined;
  /** Delay before each change notification, in ms: one value, or a range each record version's delay falls in. */
  readonly notificationDelay: { readonly minMs: number; readonly maxMs: number } | undefined;
  /** Standing faults for benchmarks and manual resilience checks. */
  readonly faults: readonly FaultSpec[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run --silent emulator -- [options]
  --port N              HTTPS port (default 4443; 0 picks a free one)
  --records DIR         serve the callRecord JSON files in DIR instead of a generated tenant
  --seed N              seed of the generated tenant (default 42)
  --live SECONDS        add a new call every SECONDS (fires change notifications)
  --no-throttle         switch Graph's throttling limits off
  --strict              refuse query forms Graph does not document (400), e.g. two $expand at once
  --tenant TENANT_ID    tenant id served (default in emulator/README.md)
  --app ID:SECRET       app registration that gets tokens with both call-record roles
  --tls-dir DIR         where the self-signed certificate lives (default data/emulator/tls)
  --now ISO_DATE_TIME   the emulator's clock at start (default: the real time)
  --dump DIR            write the generated records, reports and ground truth to DIR and exit
  --notification-delay SECONDS[-MAX]
                        delay each change notification SECONDS (or a spread up to MAX per record);
                        Graph documents under 30 min on average, 150 min at most (9000 s)
  --latency MS          add MS milliseconds to every Graph request
  --fail-every N[:CODE] every Nth Graph request answers CODE (503 default; 429, 500, 502, 503, 504)
  --drop-every N        every Nth Graph request loses its connection`;

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        records: { type: 'string' },
        seed: { type: 'string' },
        live: { type: 'string' },
        'no-throttle': { type: 'boolean' },
        strict: { type: 'boolean' },
        tenant: { type: 'string' },
        app: { type: 'string' },
        'tls-dir': { type: 'string' },
        now: { type: 'string' },
        dump: { type: 'string' },
        'notification-delay': { type: 'string' },
        latency: { type: 'string' },
        'fail-every': { type: 'string' },
        'drop-every': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError('');
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    port: integer(str('port') ?? '4443', '--port', 0, 65535),
    recordsDir: str('records'),
    seed: integer(str('seed') ?? '42', '--seed', 0, 2 ** 32 - 1),
    liveSeconds: str('live') === undefined ? undefined : integer(str('live')!, '--live', 1, 86_400),
    throttle: !values['no-throttle'],
    strict: values.strict === true,
    tenantId: tenant(str('tenant')),
    app: app(str('app')),
    tlsDir: str('tls-dir') ?? 'data/emulator/tls',
    now: now(str('now')),
    dumpDir: str('dump'),
    notificationDelay: notificationDelay(str('notification-delay')),
    faults: faults(str('latency'), str('fail-every'), str('drop-every')),
  };
}

function faults(latency: string | undefined, failEvery: string | undefined, dropEvery: string | undefined): FaultSpec[] {
  const out: FaultSpec[] = [];
  if (latency !== undefined) out.push({ latencyMs: integer(latency, '--latency', 1, 600_000), every: 1 });
  if (failEvery !== undefined) {
    const [n = '', code = '503'] = failEvery.split(':');
    const status = integer(code, '--fail-every CODE', 429, 504);
    if (![429, 500, 502, 503, 504].includes(status)) throw new UsageError(`--fail-every CODE must be 429, 500, 502, 503 or 504, not '${code}'.`);
    out.push({ status: status as FaultSpec['status'], retryAfterSeconds: status === 429 || status === 503 ? 1 : undefined, every: integer(n, '--fail-every N', 1, 1_000_000) });
  }
  if (dropEvery !== undefined) out.push({ drop: true, every: integer(dropEvery, '--drop-every', 1, 1_000_000) });
  return out;
}

/** Graph's documented maximum latency of a record's first notification: 150 minutes (graph-callrecords.md §6). */
export const MAX_NOTIFICATION_DELAY_SECONDS = 150 * 60;

function notificationDelay(raw: string | undefined): CliOptions['notificationDelay'] {
  if (raw === undefined) return undefined;
  const [min = '', max = min, extra] = raw.split('-');
  if (extra !== undefined) throw new UsageError(`--notification-delay must be SECONDS or MIN-MAX seconds, not '${raw}'.`);
  const what = `--notification-delay (Graph documents at most ${MAX_NOTIFICATION_DELAY_SECONDS} s, 150 minutes)`;
  const minMs = integer(min, what, 0, MAX_NOTIFICATION_DELAY_SECONDS) * 1000;
  const maxMs = integer(max, what, 0, MAX_NOTIFICATION_DELAY_SECONDS) * 1000;
  if (maxMs < minMs) throw new UsageError(`--notification-delay MIN-MAX needs MIN at most MAX, not '${raw}'.`);
  return { minMs, maxMs };
}

function integer(raw: string, name: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not '${raw}'.`);
  return n;
}

function tenant(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) throw new UsageError(`--tenant must be a GUID (a Microsoft Entra tenant id), not '${raw}'.`);
  return raw.toLowerCase();
}

function app(raw: string | undefined): CliOptions['app'] {
  if (raw === undefined) return undefined;
  const i = raw.indexOf(':');
  if (i <= 0 || i === raw.length - 1) throw new UsageError('--app must be CLIENT_ID:SECRET (both parts non-empty).');
  return { clientId: raw.slice(0, i), clientSecret: raw.slice(i + 1) };
}

function now(raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(t)) throw new UsageError(`--now must be an ISO 8601 date-time such as 2026-11-29T15:00:00Z, not '${raw}'.`);
  return new Date(t);
}
