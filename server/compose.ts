// The composition root: builds every collaborator from AppConfig and hands each its explicit
// inputs. Nothing here is a module-level singleton; tests compose as many servers as they like.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { alertCard, createBot, createBotAdapter, createProactiveSender, internalParticipants, type PlannerSettings } from '../bot/index.js';
import { getBearerTokenProvider, type TokenCredential } from '@azure/identity';
import { createCredential, createGraphServices, type CallRecordsService, type Logger } from '../graph/index.js';
import { createAlertPipeline, type AlertPipeline } from './alerts/alertPipeline.js';
import type { PoisonEntry } from './alerts/ports.js';
import type { PoisonedAlertEntry } from '../tab/api/contract.js';
import type { AppConfig } from './config/index.js';
import { createDiagnose, explainPhoneCall, thresholdsFromConfig } from './diagnosisWiring.js';
import { createHttpApp, listen, type RunningServer } from './http/index.js';
import { tabPaths } from './http/tabBuild.js';
import { tabRoute } from './http/tabRoute.js';
import { createLinks } from './links.js';
import { userDataStores } from './privacyWiring.js';
import { alertRulesFrom } from './store/alertRules.js';
import { startBackgroundJobs, type BackgroundJobs } from './jobs/backgroundJobs.js';
import { realTimers, type Timers } from './jobs/dailySchedule.js';
import { createLogger } from './logging/index.js';
import { createAzureStore, createSqliteStore, type Store } from './store/index.js';
import { tabApiRouter } from './tabApiWiring.js';

export interface ComposeOptions {
  readonly now?: () => Date;
  /** Defaults to a pino logger at config.logLevel on stdout. */
  readonly logger?: Logger;
  /** Send "typing..." while the bot works; tests turn it off. */
  readonly typingIndicator?: boolean;
  /**
   * Run the alert pipeline's loops (worker, subscription upkeep, prune) once listening. Default
   * true; tests of other features turn it off so no subscription is made on their emulator.
   */
  readonly alerts?: boolean;
  /** Timers of the daily jobs (group install, channel digest); real, unref'd timers by default. */
  readonly timers?: Timers;
}

export interface ComposedServer {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly http: Express;
  readonly store: Store;
  readonly calls: CallRecordsService;
  /** Undefined when the store has no alert stores (the pipeline is then off). */
  readonly alerts: AlertPipeline | undefined;
  /**
   * Listens on config.port unless told otherwise (0 picks a free port), on listenHost(config)
   * unless told otherwise; an anonymous bot refuses any host but loopback.
   */
  listen(port?: number, host?: string): Promise<RunningServer>;
  /** Stops listening and closes the store; safe to call twice. */
  close(): Promise<void>;
}

export function composeServer(config: AppConfig, options: ComposeOptions = {}): ComposedServer {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // Validate what can fail before opening anything, so a bad setting leaves no file behind.
  const thresholds = thresholdsFromConfig(config.thresholdOverrides);

  const store: Store =
    config.store.kind === 'sqlite' ? createSqliteStore({ path: config.store.path, now }) : createAzureStore({ connectionString: config.store.connectionString, alertsQueue: config.store.alertsQueue, now });
  try {
    // One app identity for Graph and, without an API key, for Azure OpenAI: one token cache, one secret.
    const credential = createCredential(config.graph);
    const graph = createGraphServices({ settings: config.graph, credential, logger, now, cache: store.graph.cache, index: store.graph.index, tuning: { summaryRetentionDays: config.summaryRetentionDays }, ...(store.graph.budgetLedger && { ledger: store.graph.budgetLedger }) });
    const adapter = createBotAdapter(config.bot, logger.child({ component: 'bot' }));
    const links = createLinks({ mode: config.mode, teamsAppId: config.teamsAppId, publicUrl: config.publicUrl });
    const bot = createBot({
      tenantId: config.graph.tenantId,
      calls: graph.callRecords,
      diagnose: createDiagnose(thresholds),
      explainPhoneCall,
      stores: store.bot,
      otherUserData: userDataStores({ index: store.graph.index, ...(store.alerts ? { alertLog: store.alerts.log } : {}) }),
      teamMembers: async (groupId) => {
        const members = await graph.directory.groupMembers(groupId);
        return members && new Set(members.map((m) => m.id));
      },
      storage: store.botState,
      links,
      now,
      logger: logger.child({ component: 'bot' }),
      adapter,
      ...(config.bot.appId ? { botAppId: config.bot.appId } : {}),
      ...(config.openai ? { planner: plannerSettings(config.openai, credential) } : {}),
      typingIndicator: options.typingIndicator ?? true,
      turnDeadlineMs: config.bot.turnDeadlineMs,
    });
    const sendProactive = createProactiveSender(adapter, config.bot.appId);
    const diagnose = createDiagnose(thresholds);
    const alerts = store.alerts
      ? createAlertPipeline({
          stores: store.alerts,
          feed: graph.feed,
          subscriptions: graph.subscriptions,
          diagnose,
          recipients: internalParticipants,
          conversations: store.bot.conversations,
          pending: store.bot.pending,
          rules: alertRulesFrom(store.bot.alertPreferences),
          deliver: (d) => sendProactive(d.reference, alertCard({ record: d.record, userId: d.userId, diagnosis: d.diagnosis, timeZone: d.timeZone, now: now(), detailsUrl: links.callDetails(d.record.id), reason: d.reason })),
          tenantId: config.graph.tenantId,
          publicUrl: config.publicUrl,
          clientState: config.alerts.clientState,
          leaseSeconds: config.alerts.leaseSeconds,
          ...(store.kind === 'sqlite' ? { instanceName: 'sqlite' } : {}),
          now,
          logger,
        })
      : undefined;
    if (!alerts) logger.warn({ store: store.kind }, 'this store has no alert stores yet: proactive alerts are off');
    const poisonedAlerts = alerts && { recent: async (limit: number) => (await alerts.listPoison(limit)).map(toPoisonedEntry) };
    const tabApi = tabApiRouter(config, { graph, store, thresholds, now, logger, ...(poisonedAlerts ? { poisonedAlerts } : {}) });
    const tab = tabRoute({ distDir: tabPaths(fileURLToPath(new URL('..', import.meta.url))).distDir });
    const http = createHttpApp({ logger, health: { mode: config.mode, version: packageVersion() }, bot, routers: [...(alerts ? [alerts.router] : []), ...(tabApi ? [tabApi] : []), tab] });

    let running: RunningServer | undefined;
    let jobs: BackgroundJobs | undefined;
    let closed = false;
    return {
      config,
      logger,
      http,
      store,
      calls: graph.callRecords,
      alerts,
      async listen(port = config.port, host = listenHost(config)) {
        if (!config.bot.appId && !isLoopback(host)) {
          throw new Error(`refusing to listen on ${host} without BOT_ID: an unauthenticated bot must only be reachable from this machine`);
        }
        running = await listen(http, port, host);
        // Graph validates the notification URL when the subscription is made: listen first.
        if (options.alerts ?? true) alerts?.start();
        // Daily jobs run only in a serving process, not in one composed for a test of its routes.
        jobs ??= startBackgroundJobs({
          tenantId: config.graph.tenantId,
          groupInstall: config.groupInstall,
          channelDigestTime: config.channelDigestTime,
          graph,
          stores: store.bot,
          adapter,
          botAppId: config.bot.appId,
          diagnose: createDiagnose(thresholds),
          now,
          timers: options.timers ?? realTimers,
          logger,
          // Several instances share STORE=azure: the store's lease lets one run each daily job.
          ...(store.alerts ? { leases: { store: store.alerts.leases, holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` } } : {}),
        });
        return running;
      },
      async close() {
        if (closed) return;
        closed = true;
        await alerts?.stop();
        jobs?.stop();
        await running?.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Without BOT_ID nothing authenticates an activity, so anyone who can reach the port could claim to
 * be any user (any aadObjectId) and read that person's calls: only this machine may reach it.
 */
export function listenHost(config: Pick<AppConfig, 'bot'>): string {
  return config.bot.appId ? '0.0.0.0' : '127.0.0.1';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

function plannerSettings(openai: NonNullable<AppConfig['openai']>, credential: TokenCredential): PlannerSettings {
  // Without AZURE_OPENAI_API_KEY the planner signs in with the app's own Entra identity, so production needs no extra secret.
  const auth = openai.apiKey ? { apiKey: openai.apiKey } : { tokenProvider: getBearerTokenProvider(credential, COGNITIVE_SERVICES_SCOPE) };
  return { endpoint: openai.endpoint, deployment: openai.deployment, apiVersion: openai.apiVersion, ...auth };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function toPoisonedEntry(entry: PoisonEntry): PoisonedAlertEntry {
  return {
    callId: entry.work.callId,
    changeType: entry.work.changeType,
    source: entry.work.source,
    receivedAt: entry.work.receivedAt.toISOString(),
    reason: entry.reason,
    attempts: entry.attempts,
    poisonedAt: entry.poisonedAt.toISOString(),
  };
}
