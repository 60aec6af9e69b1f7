import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { GraphAuth, GraphSettings } from '../../graph/settings.js';
import { VARIABLES, type VariableName } from './variables.js';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type BotAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

// graph/ owns what its settings mean; the config module only fills them in.
export type { GraphAuth, GraphSettings } from '../../graph/settings.js';

export type StoreSettings =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'azure'; readonly connectionString: string; readonly alertsQueue: string };

export interface DemoSettings {
  readonly emulatorPort: number;
  readonly seed: number;
  readonly playground: boolean;
  readonly playgroundPort: number;
  /** Serve these call-record files instead of a generated tenant. */
  readonly recordsDir: string | undefined;
  /** The emulator ends a call every this many seconds (the first the demo user's poor call); 0: no live calls. */
  readonly liveSeconds: number;
}

export interface TabSettings {
  readonly clientId: string;
  readonly appIdUri: string;
}

export interface TelemetrySettings {
  readonly connectionString: string;
}

export interface AppConfig {
  readonly mode: 'demo' | 'production';
  readonly port: number;
  readonly publicUrl: string;
  readonly logLevel: LogLevel;
  readonly bot: { readonly appId: string; readonly appPassword: string; readonly appType: BotAppType; readonly tenantId: string; readonly turnDeadlineMs: number };
  /** In demo mode this points at the emulator started alongside the server. */
  readonly graph: GraphSettings;
  readonly store: StoreSettings;
  readonly alerts: {
    readonly clientState: string;
    /** Visibility timeout of a leased queue message and the age at which an unrecorded send is retried. */
    readonly leaseSeconds: number;
  };
  /** Days the per-user call index (the stored call summaries) is kept; raw records follow Graph's 30. */
  readonly summaryRetentionDays: number;
  /** Admin opt-in group install (ALERTS_INSTALL_GROUP_ID); undefined: off. */
  readonly groupInstall: { readonly groupId: string; readonly catalogAppId: string } | undefined;
  /** UTC 'HH:MM' of the daily channel digest. */
  readonly channelDigestTime: string;
  readonly teamsAppId: string;
  /** The tab's app registration, whose tokens the tab API accepts; undefined in production without TAB_CLIENT_ID. */
  readonly tab: TabSettings | undefined;
  readonly thresholdOverrides: Readonly<Record<string, number>>;
  readonly openai: { readonly endpoint: string; readonly deployment: string; readonly apiKey: string | undefined; readonly apiVersion: string } | undefined;
  /** Application Insights; never in demo mode. */
  readonly telemetry: TelemetrySettings | undefined;
  /** Present only in demo mode. */
  readonly demo: DemoSettings | undefined;
}

/** A configuration problem, naming the variable (or argument) that is missing or invalid. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface LoadOptions {
  /** Secrets generated when demo mode or an unset variable needs one; injectable for tests. */
  readonly randomSecret?: () => string;
}

/** The demo tenant: an obviously fake, stable id so links and fixtures stay put across restarts. */
export const DEMO_TENANT_ID = 'dc368399-474c-4d40-900c-6265431fd81f';
export const DEMO_CLIENT_ID = 'ca11d0c7-0000-4000-8000-00000000de70';
/** Demo mode's stand-in for the manifest's app id, so deep links have a stable shape. */
export const DEMO_TEAMS_APP_ID = '00000000-0000-0000-0000-0000000ca11d';
/** Demo mode's stand-in for the tab's app registration (the emulator issues its tokens). */
export const DEMO_TAB_CLIENT_ID = 'ca11d0c7-0000-4000-8000-00000000007a';

const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'silent'];
const BOT_TYPES: readonly BotAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

/**
 * Validates the environment and command-line arguments once, at start-up. Throws a
 * ConfigError naming the first missing or invalid variable.
 */
export function loadConfig(env: Env, argv: readonly string[] = [], options: LoadOptions = {}): AppConfig {
  const randomSecret = options.randomSecret ?? (() => randomBytes(24).toString('base64url'));
  const args = parseCommandLine(argv);
  const get = (name: VariableName): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const defaultOf = (name: VariableName): string | undefined => VARIABLES.find((v) => v.name === name)?.default;

  const port = args.port ?? parsePort('PORT', get('PORT') ?? '3978');
  const tenantFromEnv = get('GRAPH_TENANT_ID');
  const mode = tenantFromEnv ? 'production' : 'demo';
  if (mode === 'production' && args.recordsDir !== undefined) {
    throw new ConfigError('--records', 'serves local call records in demo mode only; unset GRAPH_TENANT_ID to use it');
  }

  const logLevel = oneOf('LOG_LEVEL', get('LOG_LEVEL') ?? 'info', LOG_LEVELS);
  const demo: DemoSettings | undefined =
    mode === 'demo'
      ? {
          emulatorPort: parsePort('EMULATOR_PORT', get('EMULATOR_PORT') ?? '4443'),
          seed: parseInteger('DEMO_SEED', get('DEMO_SEED') ?? '42'),
          playground: args.playground,
          playgroundPort: parsePort('PLAYGROUND_PORT', get('PLAYGROUND_PORT') ?? '56150'),
          recordsDir: args.recordsDir,
          liveSeconds: parseLiveSeconds(get('DEMO_LIVE_SECONDS') ?? '45'),
        }
      : undefined;

  const combinedQueries = parseBoolean('GRAPH_COMBINED_QUERIES', get('GRAPH_COMBINED_QUERIES') ?? 'false');
  const graph: GraphSettings = demo
    ? {
        tenantId: args.tenant ?? DEMO_TENANT_ID,
        clientId: DEMO_CLIENT_ID,
        auth: { kind: 'secret', clientSecret: randomSecret() },
        baseUrl: `https://localhost:${demo.emulatorPort}`,
        authorityHost: `https://localhost:${demo.emulatorPort}`,
        combinedQueries,
      }
    : { ...productionGraph(get, tenantFromEnv!), combinedQueries };

  const botAppId = get('BOT_ID') ?? '';
  if (mode === 'production' && botAppId === '') {
    throw new ConfigError('BOT_ID', 'is required when GRAPH_TENANT_ID is set; only demo mode may run the bot unauthenticated');
  }
  // An anonymous bot must be MultiTenant: botbuilder rejects SingleTenant without an app id.
  const botType = botAppId === '' ? 'MultiTenant' : oneOf('BOT_TYPE', get('BOT_TYPE') ?? 'SingleTenant', BOT_TYPES);
  // A multi-tenant registration accepts tokens for any tenant's users; Call Doctor serves one tenant's records.
  if (botAppId !== '' && botType === 'MultiTenant') {
    throw new ConfigError('BOT_TYPE', 'MultiTenant is not allowed with BOT_ID: Call Doctor answers only users of its own tenant; use SingleTenant (or UserAssignedMSI)');
  }
  const botPassword = get('BOT_PASSWORD') ?? '';
  // Without a secret the bot could receive activities but never reply: fail at start-up instead.
  if (botAppId !== '' && botType !== 'UserAssignedMSI' && botPassword === '') {
    throw new ConfigError('BOT_PASSWORD', `is required for BOT_TYPE=${botType}`);
  }

  const storeKind = oneOf('STORE', get('STORE') ?? 'sqlite', ['sqlite', 'azure'] as const);
  const store: StoreSettings =
    storeKind === 'sqlite'
      ? { kind: 'sqlite', path: get('SQLITE_PATH') ?? defaultOf('SQLITE_PATH')! }
      : { kind: 'azure', connectionString: required(get, 'AZURE_STORAGE_CONNECTION_STRING', 'is required for STORE=azure'), alertsQueue: queueName('AZURE_STORAGE_ALERTS_QUEUE', get('AZURE_STORAGE_ALERTS_QUEUE') ?? defaultOf('AZURE_STORAGE_ALERTS_QUEUE')!) };

  const openaiEndpoint = get('AZURE_OPENAI_ENDPOINT');
  const openaiDeployment = get('AZURE_OPENAI_DEPLOYMENT');
  if ((openaiEndpoint === undefined) !== (openaiDeployment === undefined)) {
    throw new ConfigError(openaiEndpoint ? 'AZURE_OPENAI_DEPLOYMENT' : 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are set together or not at all');
  }

  const publicUrl = trimSlash(mode === 'production' ? parseUrl('PUBLIC_URL', required(get, 'PUBLIC_URL', 'is required when GRAPH_TENANT_ID is set: Graph sends change notifications to it and links point at it'), { httpsOnly: true }) : parseUrl('PUBLIC_URL', get('PUBLIC_URL') ?? `http://localhost:${port}`));
  return {
    mode,
    port,
    publicUrl,
    logLevel,
    bot: { appId: botAppId, appPassword: botPassword, appType: botType, tenantId: get('BOT_TENANT_ID') ?? graph.tenantId, turnDeadlineMs: parseTurnDeadline(get('BOT_TURN_DEADLINE_MS') ?? '8000') },
    graph,
    store,
    alerts: { clientState: checkClientState(get('ALERTS_CLIENT_STATE') ?? randomSecret()), leaseSeconds: parseLeaseSeconds(get('ALERTS_LEASE_SECONDS') ?? '120') },
    teamsAppId: mode === 'production' ? guid('TEAMS_APP_ID', required(get, 'TEAMS_APP_ID', 'is required when GRAPH_TENANT_ID is set: deep links into the tab name the Teams app')) : (get('TEAMS_APP_ID') ?? DEMO_TEAMS_APP_ID),
    tab: tabSettings(get, mode, publicUrl),
    summaryRetentionDays: parseRetentionDays(get('SUMMARY_RETENTION_DAYS') ?? '90'),
    groupInstall: groupInstallSettings(get, mode),
    channelDigestTime: parseClockTime('CHANNEL_DIGEST_TIME', get('CHANNEL_DIGEST_TIME') ?? '08:00'),
    thresholdOverrides: parseThresholds(get('CQD_THRESHOLDS') ?? '{}'),
    openai:
      openaiEndpoint && openaiDeployment
        ? { endpoint: parseUrl('AZURE_OPENAI_ENDPOINT', openaiEndpoint), deployment: openaiDeployment, apiKey: get('AZURE_OPENAI_API_KEY'), apiVersion: get('AZURE_OPENAI_API_VERSION') ?? '2024-10-21' }
        : undefined,
    telemetry: mode === 'production' ? telemetrySettings(get('APPLICATIONINSIGHTS_CONNECTION_STRING')) : undefined,
    demo,
  };
}

function tabSettings(get: (n: VariableName) => string | undefined, mode: 'demo' | 'production', publicUrl: string): TabSettings | undefined {
  const fromEnv = get('TAB_CLIENT_ID');
  if (fromEnv === undefined && mode === 'production') {
    if (get('TAB_APP_ID_URI') !== undefined) throw new ConfigError('TAB_CLIENT_ID', 'is required when TAB_APP_ID_URI is set');
    return undefined;
  }
  const clientId = fromEnv === undefined ? DEMO_TAB_CLIENT_ID : guid('TAB_CLIENT_ID', fromEnv);
  const appIdUri = get('TAB_APP_ID_URI') ?? `api://${new URL(publicUrl).host}/${clientId}`;
  if (!/^api:\/\/\S+$/.test(appIdUri) && !/^https:\/\/\S+$/.test(appIdUri)) throw new ConfigError('TAB_APP_ID_URI', `must be an api:// or https:// URI (got "${appIdUri}")`);
  return { clientId, appIdUri };
}

function productionGraph(get: (n: VariableName) => string | undefined, tenantId: string): GraphSettings {
  const clientId = required(get, 'GRAPH_CLIENT_ID', 'is required when GRAPH_TENANT_ID is set');
  const secret = get('GRAPH_CLIENT_SECRET');
  const certificatePath = get('GRAPH_CERTIFICATE_PATH');
  const kind = oneOf('GRAPH_AUTH', get('GRAPH_AUTH') ?? (secret ? 'secret' : certificatePath ? 'certificate' : 'managedIdentity'), ['secret', 'certificate', 'managedIdentity'] as const);
  const auth: GraphAuth =
    kind === 'secret'
      ? { kind, clientSecret: required(get, 'GRAPH_CLIENT_SECRET', 'is required for GRAPH_AUTH=secret') }
      : kind === 'certificate'
        ? { kind, certificatePath: required(get, 'GRAPH_CERTIFICATE_PATH', 'is required for GRAPH_AUTH=certificate') }
        : // GRAPH_CLIENT_ID documents itself as the managed identity's client id in this mode (user-assigned).
          { kind, clientId: guid('GRAPH_CLIENT_ID', clientId) };
  return {
    tenantId: guid('GRAPH_TENANT_ID', tenantId),
    clientId: guid('GRAPH_CLIENT_ID', clientId),
    auth,
    baseUrl: trimSlash(parseUrl('GRAPH_BASE_URL', get('GRAPH_BASE_URL') ?? 'https://graph.microsoft.com', { httpsOnly: true })),
    authorityHost: trimSlash(parseUrl('GRAPH_AUTHORITY_HOST', get('GRAPH_AUTHORITY_HOST') ?? 'https://login.microsoftonline.com', { httpsOnly: true })),
  };
}

interface CommandLine {
  readonly port: number | undefined;
  readonly tenant: string | undefined;
  readonly recordsDir: string | undefined;
  readonly playground: boolean;
}

function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        tenant: { type: 'string' },
        records: { type: 'string' },
        'no-playground': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new ConfigError('command line', (error as Error).message);
  }
  const v = parsed.values;
  return {
    port: v.port === undefined ? undefined : parsePort('--port', v.port),
    tenant: v.tenant === undefined ? undefined : guid('--tenant', v.tenant),
    recordsDir: v.records,
    playground: !v['no-playground'],
  };
}

function required(get: (n: VariableName) => string | undefined, name: VariableName, problem: string): string {
  const value = get(name);
  if (value === undefined) throw new ConfigError(name, problem);
  return value;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  return match;
}

function parseLiveSeconds(value: string): number {
  const seconds = parseInteger('DEMO_LIVE_SECONDS', value);
  if (seconds < 0 || seconds > 86_400) throw new ConfigError('DEMO_LIVE_SECONDS', `must be from 0 (off) to 86400 seconds (got ${seconds})`);
  return seconds;
}

function parseInteger(name: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be a whole number (got "${value}")`);
  return Number(value);
}

function parseBoolean(name: string, value: string): boolean {
  return oneOf(name, value, ['true', 'false'] as const) === 'true';
}

function parseLeaseSeconds(value: string): number {
  const seconds = parseInteger('ALERTS_LEASE_SECONDS', value);
  // Azure Storage Queue visibility timeouts run from 1 second to 7 days.
  if (seconds < 1 || seconds > 7 * 24 * 3600) throw new ConfigError('ALERTS_LEASE_SECONDS', 'must be from 1 to 604800 seconds');
  return seconds;
}

function parseRetentionDays(value: string): number {
  const days = parseInteger('SUMMARY_RETENTION_DAYS', value);
  // Below Graph's 30 days the bot would lose calls Graph still has; ten years is a sane upper bound.
  if (days < 30 || days > 3650) throw new ConfigError('SUMMARY_RETENTION_DAYS', `must be between 30 and 3650 days (got ${days})`);
  return days;
}

function parseClockTime(name: string, value: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new ConfigError(name, `must be a 24-hour HH:MM time (got "${value}")`);
  return value;
}

function groupInstallSettings(get: (n: VariableName) => string | undefined, mode: 'demo' | 'production'): AppConfig['groupInstall'] {
  const groupId = get('ALERTS_INSTALL_GROUP_ID');
  if (groupId === undefined) return undefined;
  const catalogAppId = get('ALERTS_INSTALL_CATALOG_APP_ID') ?? get('TEAMS_APP_ID') ?? (mode === 'demo' ? DEMO_TEAMS_APP_ID : undefined);
  if (catalogAppId === undefined) throw new ConfigError('ALERTS_INSTALL_CATALOG_APP_ID', 'is required with ALERTS_INSTALL_GROUP_ID when TEAMS_APP_ID is unset');
  return { groupId: guid('ALERTS_INSTALL_GROUP_ID', groupId), catalogAppId: guid('ALERTS_INSTALL_CATALOG_APP_ID', catalogAppId) };
}

function parseTurnDeadline(value: string): number {
  const ms = parseInteger('BOT_TURN_DEADLINE_MS', value);
  // The Bot Connector gives up after about 15 s; a deadline past 12 s leaves no room for the reply itself.
  if (ms < 1 || ms > 12_000) throw new ConfigError('BOT_TURN_DEADLINE_MS', `must be between 1 and 12000 milliseconds (got ${ms})`);
  return ms;
}

function parsePort(name: string, value: string): number {
  const port = parseInteger(name, value);
  if (port < 1 || port > 65535) throw new ConfigError(name, `must be a port between 1 and 65535 (got ${port})`);
  return port;
}

function parseUrl(name: string, value: string, { httpsOnly = false } = {}): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `must be an absolute URL (got "${value}")`);
  }
  if (httpsOnly ? url.protocol !== 'https:' : !['http:', 'https:'].includes(url.protocol)) {
    throw new ConfigError(name, `must be an ${httpsOnly ? 'https' : 'http(s)'} URL (got "${value}")`);
  }
  return url.toString();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function guid(name: string, value: string): string {
  if (!GUID.test(value)) throw new ConfigError(name, `must be a GUID (got "${value}")`);
  return value.toLowerCase();
}

function checkClientState(value: string): string {
  // Graph rejects a clientState longer than 128 characters.
  if (value.length > 128) throw new ConfigError('ALERTS_CLIENT_STATE', 'must be at most 128 characters');
  return value;
}

function queueName(variable: VariableName, value: string): string {
  // Azure Storage's queue naming rule; a bad name would otherwise surface as a 400 on the first notification.
  if (!/^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/.test(value) || value.length < 3 || value.length > 63) {
    throw new ConfigError(variable, 'must be 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit');
  }
  return value;
}

function parseThresholds(value: string): Record<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ConfigError('CQD_THRESHOLDS', 'must be a JSON object such as {"audio.jitterMs":40}');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('CQD_THRESHOLDS', 'must be a JSON object such as {"audio.jitterMs":40}');
  }
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(parsed)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError('CQD_THRESHOLDS', `value of "${key}" must be a finite number`);
    out[key] = v;
  }
  return out;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function telemetrySettings(connectionString: string | undefined): TelemetrySettings | undefined {
  if (connectionString === undefined) return undefined;
  if (!/(^|;)\s*(InstrumentationKey|IngestionEndpoint)=/i.test(connectionString)) {
    throw new ConfigError('APPLICATIONINSIGHTS_CONNECTION_STRING', 'must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)');
  }
  return { connectionString };
}
