// Command-line options of `npm run emulator -- ...`, validated with a clear message per mistake.
import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly port: number;
  readonly recordsDir: string | undefined;
  readonly seed: number;
  readonly liveSeconds: number | undefined;
  readonly throttle: boolean;
  readonly tenantId: string | undefined;
  readonly app: { readonly clientId: string; readonly clientSecret: string } | undefined;
  readonly tlsDir: string;
  readonly now: Date | undefined;
  readonly dumpDir: string | undefined;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run --silent emulator -- [options]
  --port N              HTTPS port (default 4443; 0 picks a free one)
  --records DIR         serve the callRecord JSON files in DIR instead of a generated tenant
  --seed N              seed of the generated tenant (default 42)
  --live SECONDS        add a new call every SECONDS (fires change notifications)
  --no-throttle         switch Graph's throttling limits off
  --tenant TENANT_ID    tenant id served (default in emulator/README.md)
  --app ID:SECRET       app registration that gets tokens with both call-record roles
  --tls-dir DIR         where the self-signed certificate lives (default data/emulator/tls)
  --now ISO_DATE_TIME   the emulator's clock at start (default: the real time)
  --dump DIR            write the generated records, reports and ground truth to DIR and exit`;

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
        tenant: { type: 'string' },
        app: { type: 'string' },
        'tls-dir': { type: 'string' },
        now: { type: 'string' },
        dump: { type: 'string' },
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
    tenantId: tenant(str('tenant')),
    app: app(str('app')),
    tlsDir: str('tls-dir') ?? 'data/emulator/tls',
    now: now(str('now')),
    dumpDir: str('dump'),
  };
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
