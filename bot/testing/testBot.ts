// Drives the real bot pipeline (botbuilder TestAdapter -> Application.run) with in-memory stores,
// a fake Graph and a fixed clock. Tests send Teams-shaped activities and read what the user sees.
import type { Activity, Storage } from 'botbuilder';
import { MemoryStorage, TestAdapter } from 'botbuilder';
import type { DirectRoutingLogRow, FullCallRecord, PstnBlockedUsersLogRow, PstnCallLogRow, SmsLogRow } from '../../graph/contract.js';
import type { Diagnosis } from '../../diagnosis/types.js';
import { createBot } from '../createBot.js';
import type { BotDependencies } from '../dependencies.js';
import { FakeCallRecords } from './fakeCallRecords.js';
import { fakeDiagnose } from './fakeDiagnosis.js';
import type { MemoryStores } from './memoryStores.js';
import { createMemoryStores } from './memoryStores.js';
import { TEST_TENANT_ID } from './activities.js';
import { recordingLogger, type LogEntry } from '../../graph/testing/index.js';

/** Saturday 28 Nov 2026, 15:00 UTC: the fixed "now" of bot tests. */
export const TEST_NOW = new Date('2026-11-28T15:00:00.000Z');

export interface TestBotOptions {
  readonly records?: readonly FullCallRecord[];
  readonly pstn?: readonly PstnCallLogRow[];
  readonly directRouting?: readonly DirectRoutingLogRow[];
  readonly sms?: readonly SmsLogRow[];
  readonly blocked?: readonly PstnBlockedUsersLogRow[];
  readonly coldIndex?: boolean;
  readonly now?: Date;
  readonly diagnose?: (record: FullCallRecord, userId: string) => Diagnosis;
  readonly overrides?: Partial<BotDependencies>;
  /** Turn-state storage; a fresh MemoryStorage when absent. Pass the server's botState to test persistence. */
  readonly storage?: Storage;
}

export interface TestBot {
  readonly deps: BotDependencies;
  readonly stores: MemoryStores;
  readonly calls: FakeCallRecords;
  readonly logs: LogEntry[];
  /** Runs one inbound activity through the bot and returns everything it sent in reply. */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** A new bot process over the same storage, stores and Graph: what survives a restart. */
  restart(): TestBot;
}

export const testLinks = {
  callDetails: (callId: string) => `https://teams.microsoft.com/l/entity/app-id/calls?context=${encodeURIComponent(JSON.stringify({ subEntityId: callId }))}`,
  recentCalls: () => 'https://teams.microsoft.com/l/entity/app-id/calls',
};

export function createTestBot(options: TestBotOptions = {}): TestBot {
  const storage = options.storage ?? new MemoryStorage();
  const calls = new FakeCallRecords({
    ...(options.records ? { records: options.records } : {}),
    ...(options.pstn ? { pstn: options.pstn } : {}),
    ...(options.directRouting ? { directRouting: options.directRouting } : {}),
    ...(options.sms ? { sms: options.sms } : {}),
    ...(options.blocked ? { blocked: options.blocked } : {}),
    ...(options.coldIndex ? { coldIndex: true } : {}),
  });
  return startBot(options, storage, createMemoryStores(), calls);
}

function startBot(options: TestBotOptions, storage: Storage, stores: MemoryStores, calls: FakeCallRecords): TestBot {
  const logger = recordingLogger();
  const now = options.now ?? TEST_NOW;
  const deps: BotDependencies = {
    tenantId: TEST_TENANT_ID,
    calls,
    diagnose: options.diagnose ?? fakeDiagnose,
    stores,
    links: testLinks,
    now: () => now,
    logger,
    typingIndicator: false,
    storage,
    ...options.overrides,
  };
  const { app } = createBot(deps);
  const adapter = new TestAdapter();
  return {
    deps,
    stores,
    calls,
    logs: logger.entries,
    async send(activity) {
      await adapter.processActivity({ ...activity }, async (context) => {
        await app.run(context);
      });
      return adapter.activeQueue.splice(0);
    },
    restart: () => startBot(options, storage, stores, calls),
  };
}
