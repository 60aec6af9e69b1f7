// The composition of graph/: one credential, one Graph client (middleware chain + budget), and
// the services built on it. server/ calls this once per tenant and hands the services out.
import type { TokenCredential } from '@azure/identity';
import { createCredential } from './auth/createCredential.js';
import { GraphBudget, type BudgetOptions, type BudgetSnapshot } from './budget/graphBudget.js';
import { CallRecordsClient, DEFAULT_CALL_RECORDS_TUNING, type CallRecordsTuning } from './callRecords/callRecordsClient.js';
import type { CallRecordFeed, CallRecordsService, SubscriptionsService } from './contract.js';
import { createGraphClient, DEFAULT_HTTP_TUNING, type HttpTuning } from './http/createGraphClient.js';
import { GraphExecutor } from './http/graphExecutor.js';
import { DirectoryClient } from './groups/directoryClient.js';
import { AppInstallationClient, type AppInstallationService } from './teamwork/appInstallations.js';
import type { DirectoryService } from './groups/types.js';
import type { Logger } from './logger.js';
import type { CallIndex, CallRecordCache } from './ports.js';
import { ReportsClient } from './reports/reportsClient.js';
import type { GraphSettings } from './settings.js';
import { SubscriptionsClient } from './subscriptions/subscriptionsClient.js';

export interface GraphServicesOptions {
  readonly settings: GraphSettings;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly cache: CallRecordCache;
  readonly index: CallIndex;
  /** Limits and the background share; or a budget shared with other services of the same app and tenant. */
  readonly budget?: BudgetOptions | GraphBudget;
  /** Replaces the credential built from settings.auth: tests, or a composition root sharing one app identity. */
  readonly credential?: TokenCredential;
  /** Replaces the global fetch (tests). */
  readonly fetch?: typeof fetch;
  readonly tuning?: Partial<HttpTuning & CallRecordsTuning>;
}

export interface GraphServices {
  readonly callRecords: CallRecordsService;
  readonly subscriptions: SubscriptionsService;
  /** Team members and user lookup for the tab's API (GroupMember.Read.All, User.Read.All). */
  readonly directory: DirectoryService;
  /** Installs Call Doctor for a user (group install, TeamsAppInstallation.ReadWriteForUser.All). */
  readonly appInstallations: AppInstallationService;
  /** For the alert pipeline: background fetches that feed the index. */
  readonly feed: CallRecordFeed;
  /** How many requests wait for the Graph budget, per priority (for health and metrics). */
  budgetSnapshot(): BudgetSnapshot;
}

export function createGraphServices(options: GraphServicesOptions): GraphServices {
  const { settings, now } = options;
  const logger = options.logger.child({ component: 'graph' });
  const tuning = { ...DEFAULT_HTTP_TUNING, ...DEFAULT_CALL_RECORDS_TUNING, ...options.tuning };
  const budget = options.budget instanceof GraphBudget ? options.budget : new GraphBudget(now, options.budget);
  const client = createGraphClient({
    baseUrl: settings.baseUrl,
    credential: options.credential ?? createCredential(settings),
    budget,
    logger,
    now,
    fetch: options.fetch ?? globalThis.fetch,
    tuning,
  });
  const executor = new GraphExecutor(client, tuning, now);
  const records = new CallRecordsClient({ executor, cache: options.cache, index: options.index, logger, now, tuning });
  const reports = new ReportsClient(executor);
  const callRecords: CallRecordsService = {
    recentCalls: (userId, query) => records.recentCalls(userId, query),
    getCall: (callId, requestOptions) => records.getCall(callId, requestOptions),
    pstnCalls: (range, query) => reports.pstnCalls(range, query),
    directRoutingCalls: (range, query) => reports.directRoutingCalls(range, query),
    smsLog: (range, query) => reports.smsLog(range, query),
    blockedUsersLog: (range, query) => reports.blockedUsersLog(range, query),
    onlineMeetingDialoutReport: (range, query) => reports.onlineMeetingDialoutReport(range, query),
  };
  return {
    callRecords,
    subscriptions: new SubscriptionsClient(executor, now),
    feed: records,
    directory: new DirectoryClient(executor),
    appInstallations: new AppInstallationClient(executor, settings.baseUrl),
    budgetSnapshot: () => budget.snapshot(),
  };
}
