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

describe('bot adapter', () => {
  it('when a message turn fails unexpectedly, then the user gets an apology and the log gets the error name only', async () => {
    const { replies, logs } = await failTurn(teamsMessage('why did my last call drop'));
    expect(visibleText(replies[0]!)).toContain('Something went wrong on my side');
    expect(JSON.stringify(logs)).not.toContain('hunter2');
    expect(logs[0]).toMatchObject({ level: 'error', fields: { error: 'Error' } });
  });

  it('when an install event fails, then nothing is posted into the conversation', async () => {
    const { replies } = await failTurn(installationUpdate('add'));
    expect(replies).toEqual([]);
  });

  it('when settings name a managed identity, then the adapter is built without a secret', () => {
    expect(() => createBotAdapter({ appId: 'app', appPassword: 'ignored-secret', appType: 'UserAssignedMSI', tenantId: 'tenant' }, recordingLogger())).not.toThrow();
  });
});
