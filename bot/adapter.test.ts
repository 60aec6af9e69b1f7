import { TestAdapter, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createBotAdapter } from './adapter.js';
import { installationUpdate, teamsMessage } from './testing/activities.js';
import { visibleText } from './testing/cardReading.js';
import { recordingLogger } from '../graph/testing/index.js';

const anonymous = { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' } as const;

async function failTurn(activity: Parameters<TestAdapter['processActivity']>[0] & object) {
  const logger = recordingLogger();
  const adapter = createBotAdapter(anonymous, logger);
  const transport = new TestAdapter();
  const context = new TurnContext(transport, { ...activity });
  await adapter.onTurnError(context, new Error('connection string Server=tcp:secret-host;Password=hunter2'));
  return { replies: transport.activeQueue, logs: logger.entries };
}

const logs = (logger: ReturnType<typeof recordingLogger>) => logger.entries.map((e) => e.message);

describe('bot adapter', () => {
  it('when a message turn fails unexpectedly, then the user gets an apology and the log gets the whole error for the redacting logger to scrub', async () => {
    const { replies, logs } = await failTurn(teamsMessage('why did my last call drop'));
    expect(visibleText(replies[0]!)).toContain('Something went wrong on my side');
    expect(JSON.stringify(visibleText(replies[0]!))).not.toContain('hunter2');
    const logged = logs[0]!.fields.err as Error;
    // Message and stack, so a production failure can be diagnosed (server/logging scrubs the secret; see test/hardening-logs.test.ts).
    expect(logged.message).toContain('connection string');
    expect(logged.stack).toMatch(/adapter\.test\.ts/);
  });

  it('when the apology itself cannot be sent, then the error handler still returns and logs both failures', async () => {
    const logger = recordingLogger();
    const adapter = createBotAdapter(anonymous, logger);
    const transport = new TestAdapter();
    const context = new TurnContext(transport, { ...teamsMessage('hello') });
    context.onSendActivities(async () => {
      throw new Error('Bot Connector refused the reply');
    });
    await expect(adapter.onTurnError(context, new TypeError('locale.toLowerCase is not a function'))).resolves.toBeUndefined();
    expect(logs(logger)).toEqual(['unhandled error in bot turn', 'could not send the apology for a failed bot turn']);
  });

  it('when an install event fails, then nothing is posted into the conversation', async () => {
    const { replies } = await failTurn(installationUpdate('add'));
    expect(replies).toEqual([]);
  });

  it('when settings name a managed identity, then the adapter is built without a secret', () => {
    expect(() => createBotAdapter({ appId: 'app', appPassword: 'ignored-secret', appType: 'UserAssignedMSI', tenantId: 'tenant' }, recordingLogger())).not.toThrow();
  });
});
