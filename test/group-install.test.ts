// The admin opt-in group install against the Graph emulator: graph/'s installation client posts
// teamsApp@odata.bind per member, the emulator answers 201 then 409 as Graph does, members the bot
// can already reach are skipped, and the installation event Teams then sends the bot stores the
// member's conversation reference, which makes them reachable for alerts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_TEAM_ID } from '../emulator/index.js';
import { installationUpdate, TEST_TENANT_ID } from '../bot/testing/activities.js';
import { createTestBot } from '../bot/testing/testBot.js';
import { recordingLogger } from '../graph/testing/index.js';
import { installForGroup } from '../server/jobs/groupInstall.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphOverEmulator } from './support/graphOverEmulator.js';

const CATALOG_APP = '0c0ffee0-1234-4abc-8def-0123456789ab';

async function graphPost(target: EmulatorHandle, path: string, body: unknown, options: { token: string }): Promise<{ status: number }> {
  const response = await fetch(`${target.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.text();
  return { status: response.status };
}

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ now: new Date('2026-11-29T15:30:00Z') });
});
afterAll(() => emulator.close());

describe('group install', () => {
  it('when the job runs for the support team, then every member the bot cannot reach gets the app once; a second run sees 409s', async () => {
    const graph = graphOverEmulator(emulator);
    const bot = createTestBot();
    const members = (await graph.directory.groupMembers(SUPPORT_TEAM_ID))!;
    const [reachable, ...others] = members;
    await bot.stores.conversations.save({ tenantId: TEST_TENANT_ID, userId: reachable!.id }, { conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' } });
    const deps = { tenantId: TEST_TENANT_ID, groupId: SUPPORT_TEAM_ID, catalogAppId: CATALOG_APP, directory: graph.directory, installations: graph.appInstallations, conversations: bot.stores.conversations, logger: recordingLogger() };

    const first = await installForGroup(deps);
    expect(first).toMatchObject({ groupFound: true, members: 12, reachable: 1, installed: 11, alreadyInstalled: 0, failed: 0 });
    const installed = emulator.installedApps().filter((i) => i.teamsAppId === CATALOG_APP);
    expect(installed.map((i) => i.userId).sort()).toEqual(others.map((m) => m.id).sort());
    expect(installed.map((i) => i.userId)).not.toContain(reachable!.id);

    const second = await installForGroup(deps);
    expect(second).toMatchObject({ installed: 0, alreadyInstalled: 11 });
    expect(emulator.installedApps().filter((i) => i.teamsAppId === CATALOG_APP)).toHaveLength(11);
    // Counts only in the log, never a member's id.
    expect(JSON.stringify(deps.logger.entries)).not.toContain(others[0]!.id);
  });

  it('when Teams then sends the installation event from a member’s personal chat, then the bot stores their reference and the next run skips them', async () => {
    const graph = graphOverEmulator(emulator);
    const bot = createTestBot();
    const catalog = 'd0d0d0d0-1234-4abc-8def-0123456789ab';
    const deps = { tenantId: TEST_TENANT_ID, groupId: SUPPORT_TEAM_ID, catalogAppId: catalog, directory: graph.directory, installations: graph.appInstallations, conversations: bot.stores.conversations, logger: recordingLogger() };
    await installForGroup(deps);
    const member = (await graph.directory.groupMembers(SUPPORT_TEAM_ID))![4]!;

    await bot.send(installationUpdate('add', { from: { id: member.id, name: member.displayName ?? 'Member' } }));
    expect((await bot.stores.conversations.get({ tenantId: TEST_TENANT_ID, userId: member.id }))?.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');
    expect(await installForGroup(deps)).toMatchObject({ reachable: 1, alreadyInstalled: 11 });
  });

  it('when the group does not exist, then nothing is installed and the report says so', async () => {
    const graph = graphOverEmulator(emulator);
    const bot = createTestBot();
    const report = await installForGroup({ tenantId: TEST_TENANT_ID, groupId: '00000000-0000-4000-8000-000000000000', catalogAppId: CATALOG_APP, directory: graph.directory, installations: graph.appInstallations, conversations: bot.stores.conversations, logger: recordingLogger() });
    expect(report).toMatchObject({ groupFound: false, installed: 0 });
  });

  it('when the request is malformed or the app lacks the permission, then the emulator answers like Graph', async () => {
    const member = emulator.tenant!.users[2]!;
    const token = await emulator.appToken(['TeamsAppInstallation.ReadWriteForUser.All']);
    const path = `/v1.0/users/${member.id}/teamwork/installedApps`;
    expect((await graphPost(emulator, path, { nope: true }, { token })).status).toBe(400);
    expect((await graphPost(emulator, path, { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/not-a-guid' }, { token })).status).toBe(400);
    expect((await graphPost(emulator, `/v1.0/users/00000000-0000-4000-8000-000000000000/teamwork/installedApps`, { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP}` }, { token })).status).toBe(404);
    const without = await emulator.appToken(['CallRecords.Read.All']);
    expect((await graphPost(emulator, path, { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP}` }, { token: without })).status).toBe(403);
  });
});
